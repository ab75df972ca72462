//! A chart's data as a table, on demand (WCAG's text alternative for a
//! graphic whose values matter): the model on the first of each month, the
//! run beside the no-leak baseline (and a comparison's run). Its rows are
//! built only while the disclosure is open, and never per tick: the props
//! compare by pointer and hold no day.

use crate::dates::Date;
use crate::ui::table_disclosure::{table_disclosure, use_open};
use crate::ui::use_words;
use crate::view::chart::time_axis::firsts_of_months;
use crate::view::metric::{Output, RunRef};
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
