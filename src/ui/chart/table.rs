//! A chart's data as a table, on demand (WCAG's text alternative for a
//! graphic whose values matter): the model on the first of each month, the
//! run beside the no-leak baseline (and a comparison's run). Its rows are
//! built only while the disclosure is open, and never per tick: the props
//! compare by pointer and hold no day.

use super::time_axis::firsts_of_months;
use crate::dates::Date;
use crate::ui::metric::{Output, RunRef};
use crate::ui::use_words;
use crate::words::Words;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    pub metric: Output,
    pub run: RunRef,
    pub baseline: RunRef,
    pub compare: Option<RunRef>,
    /// Column names: the run's and the comparison's.
    pub run_name: AttrValue,
    pub compare_name: AttrValue,
    pub day0: Date,
    pub last: u32,
}

#[component]
pub fn DataTable(props: &DataTableProps) -> Html {
    let words = use_words();
    let (open, ontoggle) = use_open();
    let name = words
        .get(&format!("meter.{}", props.metric.name()))
        .to_string();
    let caption = words.fill("chart.table_caption", &[("name", &name)]);
    let value = |r: &RunRef, day: u32| words.percent(props.metric.value(r.0.at(day as usize)), 0);
    let rows = open.then(|| {
        firsts_of_months(props.day0, props.last)
            .into_iter()
            .map(|(day, date)| {
                html! {
                    <tr>
                        <th scope="row">{ date.label(&words) }</th>
                        <td>{ value(&props.run, day) }</td>
                        if let Some(c) = &props.compare {
                            <td>{ value(c, day) }</td>
                        }
                        <td>{ value(&props.baseline, day) }</td>
                    </tr>
                }
            })
            .collect::<Html>()
    });
    let head = html! {
        <>
            <th scope="col">{ words.get("chart.table_date") }</th>
            <th scope="col">{ props.run_name.clone() }</th>
            if props.compare.is_some() {
                <th scope="col">{ props.compare_name.clone() }</th>
            }
            <th scope="col">{ words.get("chart.table_baseline") }</th>
        </>
    };
    table_disclosure(&words, caption, head, rows, ontoggle)
}

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
