//! A beat comparing two texts: the message in view with its switch, the
//! charts drawing each text's effect alone, side by side, and the two texts'
//! sensitivities and lowest room for compromise.

use super::{act, charts, timeline, Compared, Ctx};
use crate::ui::compare::Compare;
use crate::ui::explainer::message_markers;
use yew::prelude::*;

pub fn view(c: &Ctx) -> Html {
    let f = c.f;
    let alone = |i: usize| {
        let label = c
            .words
            .get(&format!("message.{}.label", f.story.messages[i].id))
            .to_string();
        AttrValue::from(c.words.fill("compare.alone", &[("label", &label)]))
    };
    let pair = [f.against, f.message];
    let compared = f
        .message_runs
        .get(f.against)
        .zip(f.message_runs.get(f.message))
        .map(|(lead, this)| Compared {
            lead: lead.clone(),
            this: this.clone(),
            lead_label: alone(f.against),
            this_label: alone(f.message),
            markers: std::rc::Rc::new(message_markers(&f.story, c.words, &pair)),
        });
    html! {
        <>
            { act(c) }
            { timeline(c) }
            { charts(c, compared) }
            <Compare story={f.story.clone()} messages={pair.to_vec()}
                runs={pair.iter().filter_map(|&i| f.message_runs.get(i).cloned()).collect::<Vec<_>>()} />
        </>
    }
}
