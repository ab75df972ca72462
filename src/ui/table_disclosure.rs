//! A table under "The data as a table", closed until the reader opens it:
//! the charts' and the network's text alternative, one copy of the markup.

use crate::words::Words;
use yew::prelude::*;

/// Whether a disclosure is open, and the listener that keeps it so.
#[hook]
pub fn use_open() -> (bool, Callback<Event>) {
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::Element = e.target_unchecked_into();
            open.set(details.has_attribute("open"));
        })
    };
    (*open, ontoggle)
}

/// A table under "The data as a table", shared by the charts and the
/// network (one copy of the markup in the wasm): its caption names it to a
/// screen reader, and its box scrolls sideways on its own when too wide.
pub fn table_disclosure(
    words: &Words,
    caption: String,
    head: Html,
    rows: Option<Html>,
    ontoggle: Callback<Event>,
) -> Html {
    html! {
        <details class="bc-data" {ontoggle}>
            <summary>{ words.get("chart.table") }</summary>
            <div class="bc-table-wrap" tabindex="0" role="region" aria-label={caption.clone()}>
                <table class="bc-table">
                    <caption>{ caption }</caption>
                    <thead><tr>{ head }</tr></thead>
                    <tbody>{ rows }</tbody>
                </table>
            </div>
        </details>
    }
}
