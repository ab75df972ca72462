//! The network's values as a table, on demand (its text alternative beside
//! the summary the drawing carries): each ally's candor and leak risk on the
//! day shown. Its rows are built only while the disclosure is open; they
//! follow the day, as the drawing does.

use super::table_disclosure::{table_disclosure, use_open};
use super::use_words;
use crate::model::SenderOutputs;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NetworkTableProps {
    pub leaker: AttrValue,
    /// The allies' names, in the channels' order.
    pub names: Rc<Vec<String>>,
    pub channels: Rc<Vec<SenderOutputs>>,
    /// The day shown, as a date.
    pub date: AttrValue,
}

#[component]
pub fn NetworkTable(props: &NetworkTableProps) -> Html {
    let words = use_words();
    let (open, ontoggle) = use_open();
    let caption = words.fill(
        "network.table_caption",
        &[("leaker", &props.leaker), ("date", &props.date)],
    );
    let rows = open.then(|| {
        props
            .names
            .iter()
            .zip(props.channels.iter())
            .map(|(name, c)| {
                html! {
                    <tr>
                        <th scope="row">{ name.clone() }</th>
                        <td>{ words.percent(c.candor, 0) }</td>
                        <td>{ words.percent(c.leak_risk, 1) }</td>
                    </tr>
                }
            })
            .collect::<Html>()
    });
    let head = html! {
        <>
            <th scope="col">{ words.get("network.table_ally") }</th>
            <th scope="col">{ words.get("network.table_candor") }</th>
            <th scope="col">{ words.get("network.table_risk") }</th>
        </>
    };
    table_disclosure(&words, caption, head, rows, ontoggle)
}
