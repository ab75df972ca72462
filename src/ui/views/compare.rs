//! A beat comparing two texts: the message in view with its switch and the
//! effects of what the reader made public, the charts drawing that against
//! a text posted alone, and the list of each text alone and both together.

use super::{act, charts, timeline, Compared, Ctx};
use crate::ui::compare::Compare;
use yew::prelude::*;

pub fn view(c: &Ctx) -> Html {
    let f = c.f;
    let pair = [f.against, f.message];
    // The meters, the day marker and the main line all read the scenario in
    // view; the dashed line is this text alone, or the other text alone
    // while this one alone is what is in view (so it always differs).
    let this_alone = f
        .story
        .messages
        .get(f.message)
        .and_then(|m| m.scenario.as_deref())
        == Some(&*f.scenario);
    let other = if this_alone { f.against } else { f.message };
    let compared = c
        .labels
        .comparisons
        .get(f.beat)
        .and_then(Option::as_ref)
        .zip(f.message_runs.get(other))
        .map(|(w, run)| Compared {
            this: run.clone(),
            this_label: AttrValue::from(if this_alone { &w.against } else { &w.this }.clone()),
            markers: if f.events.is_empty() {
                w.markers.clone()
            } else {
                c.markers.clone()
            },
        });
    html! {
        <>
            { act(c) }
            { timeline(c) }
            { charts(c, compared) }
            <Compare story={f.story.clone()} messages={pair.to_vec()}
                runs={pair.iter().filter_map(|&i| f.message_runs.get(i).cloned()).collect::<Vec<_>>()}
                paired={f.paired.clone().map(|(id, run)| (AttrValue::from(id), run))} baseline={f.base_run.clone()} scenario={f.scenario.clone()}
                on_action={c.on_action.clone()} />
        </>
    }
}
