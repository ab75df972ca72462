//! A beat comparing two texts: the message in view with its switch, the
//! charts drawing each text's effect alone, side by side, and the two texts'
//! sensitivities and lowest room for compromise.

use super::{act, charts, timeline, Compared, Ctx};
use crate::ui::compare::Compare;
use yew::prelude::*;

pub fn view(c: &Ctx) -> Html {
    let f = c.f;
    let pair = [f.against, f.message];
    // The labels and markers are made once per story (Labels); only the
    // runs change, with the parameters.
    let words = c.labels.comparisons.get(f.beat).and_then(Option::as_ref);
    let runs = f
        .message_runs
        .get(f.against)
        .zip(f.message_runs.get(f.message));
    let compared = words.zip(runs).map(|(w, (lead, this))| Compared {
        lead: lead.clone(),
        this: this.clone(),
        lead_label: w.against.clone(),
        this_label: w.this.clone(),
        markers: w.markers.clone(),
    });
    html! {
        <>
            { act(c) }
            { timeline(c) }
            { charts(c, compared) }
            <Compare story={f.story.clone()} messages={pair.to_vec()}
                runs={pair.iter().filter_map(|&i| f.message_runs.get(i).cloned()).collect::<Vec<_>>()}
                baseline={f.base_run.clone()} on_action={c.on_action.clone()} />
        </>
    }
}
