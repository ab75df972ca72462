//! The lab: the reader's scenarios and leaks beside the effects, the
//! timeline, the charts beside the network, and the model's parameters.

use super::{charts, effects, network, timeline, Ctx};
use crate::ui::lab::Lab;
use crate::ui::params_panel::ParamsPanel;
use yew::prelude::*;

pub fn view(c: &Ctx) -> Html {
    let f = c.f;
    html! {
        <>
            <div class="bc-pair">
                <Lab story={f.story.clone()} scenarios={f.scenario_ids.clone()} scenario={f.scenario.clone()} events={f.events.clone()}
                    lab={f.lab} date={f.date.clone()} on_action={c.on_action.clone()} />
                { effects(c) }
            </div>
            { timeline(c) }
            <div class="bc-pair">{ charts(c, None) }{ network(c) }</div>
            <ParamsPanel params={f.params} error={f.param_error.clone()} on_action={c.on_action.clone()} />
        </>
    }
}
