//! "About the model": the model in plain words, every parameter with its
//! source, and the literature, all read from the model's own tables.

use super::params_panel::{show, with_unit};
use super::use_words;
use crate::model::sources::LITERATURE;
use crate::model::DESCRIPTORS;
use yew::prelude::*;

/// The about panel (a disclosure, closed by default).
#[component]
pub fn About() -> Html {
    let words = use_words();
    html! {
        <details class="bc-about">
            <summary>{ words.get("about.title") }</summary>
            <p class="bc-about-statement">
                <span class="bc-badge bc-badge-model">{ words.get("badge.model") }</span>
                { " " }{ words.get("about.statement") }
            </p>
            <p>{ words.get("about.what") }</p>
            <p>{ words.get("about.how") }</p>
            <h4>{ words.get("about.parameters") }</h4>
            // On a phone the table scrolls sideways in its own box: focusable, so
            // keyboard readers can scroll it too.
            <div class="bc-table-wrap" tabindex="0" role="region" aria-label={words.get("about.parameters").to_string()}>
                <table class="bc-table">
                    <thead><tr>
                        <th scope="col">{ words.get("about.symbol") }</th>
                        <th scope="col">{ words.get("params.title") }</th>
                        <th scope="col">{ words.get("about.range") }</th>
                        <th scope="col">{ words.get("about.source") }</th>
                    </tr></thead>
                    <tbody>
                        { for DESCRIPTORS.iter().map(|d| html! {
                            <tr>
                                <td>{ d.symbol }</td>
                                <td>
                                    { words.get(&format!("param.{}", d.key)) }{ " " }
                                    <span class="bc-num">{ format!("= {}", with_unit(&words, d.default, d.unit)) }</span>
                                </td>
                                <td class="bc-num">{ format!("{}–{}", words.number(&show(d.min)), words.number(&show(d.max))) }</td>
                                <td>{ words.get(&format!("param.{}.source", d.key)) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <h4>{ words.get("about.literature") }</h4>
            <ul class="bc-literature">{ for LITERATURE.iter().map(|r| html! { <li>{ *r }</li> }) }</ul>
        </details>
    }
}
