//! The backchannel network: the leaker at the centre, the allies who write to
//! him on a ring. Each ally's line to him is as thick as that ally's candor
//! (thinning as candor falls); the ring between allies is as thick as the share
//! of sensitive traffic rerouted around him. The ally whose leak risk rose most
//! above the baseline (the one whose message was posted) is ringed.
//!
//! Drawn in a 260-unit viewBox that scales with the container, from the
//! geometry in `view/network.rs`; widths are SVG attributes and classes,
//! never inline styles (strict CSP).

use super::network_table::NetworkTable;
use super::use_words;
use crate::model::SenderOutputs;
use crate::view::network::{
    ally_width, exposed, label_position, link_width, num, ring_pairs, ring_position, sender_name,
    view_box, CX, CY, HAIRLINE, NODE_R,
};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct NetworkProps {
    /// Name of the leader at the centre, the one who leaks ("Donald Trump").
    pub leaker: AttrValue,
    /// Names of the allies on the ring, in the model's sender order; missing
    /// names read "Ally n".
    pub senders: Rc<Vec<String>>,
    /// Each ally's channel to the leaker on the current day (leak risk, candor).
    pub channels: Rc<Vec<SenderOutputs>>,
    /// Baseline candor κ₀ (0.8 at the defaults): a line at κ₀ is drawn at full width.
    pub candor0: f64,
    /// Share R of sensitive traffic rerouted around the leaker, 0–1.
    pub rerouted: f64,
    /// Baseline leak risk p₀ under the parameters in force. Every ally
    /// learns from a leak (γ), so all may rise above it; the one (or ones)
    /// whose risk rose most is highlighted.
    pub leak_risk0: f64,
    /// The day shown, as a date (the data table's caption).
    pub date: AttrValue,
}

/// The network of private channels around the leaker.
#[component]
pub fn Network(props: &NetworkProps) -> Html {
    let words = use_words();
    let n = props.channels.len();
    let nodes: Vec<(f64, f64)> = (0..n).map(|i| ring_position(i, n)).collect();
    let names: Rc<Vec<String>> = Rc::new(
        (0..n)
            .map(|i| sender_name(&words, &props.senders, i))
            .collect(),
    );
    let exposed = exposed(&props.channels, props.leak_risk0);
    let rerouted_text = words.percent(crate::num::clamp(props.rerouted, 0.0, 1.0), 0);

    let ally_width = ally_width(props.rerouted);
    let ring = ring_pairs(n).into_iter().map(|(a, b)| {
        let ((x1, y1), (x2, y2)) = (nodes[a], nodes[b]);
        html! {
            <line class={classes!("bc-net-ally", ally_width.is_none().then_some("is-idle"))}
                x1={num(x1)} y1={num(y1)} x2={num(x2)} y2={num(y2)}
                stroke-width={num(ally_width.unwrap_or(HAIRLINE))} />
        }
    });
    let links = props.channels.iter().zip(&nodes).map(|(c, (x, y))| {
        html! {
            <line class="bc-net-link" x1={num(CX)} y1={num(CY)} x2={num(*x)} y2={num(*y)}
                stroke-width={num(link_width(c.candor, props.candor0))} />
        }
    });
    let allies = nodes
        .iter()
        .zip(names.iter())
        .zip(&exposed)
        .enumerate()
        .map(|(i, ((&(x, y), name), &exposed))| {
            let (lx, ly, anchor) = label_position(i, n, x, y);
            html! {
                <g class={classes!("bc-net-ally-node", exposed.then_some("is-exposed"))}>
                    if exposed {
                        <circle class="bc-net-exposed" cx={num(x)} cy={num(y)} r={num(NODE_R + 3.5)} />
                    }
                    <circle class="bc-net-node" cx={num(x)} cy={num(y)} r={num(NODE_R)} />
                    <text class="bc-net-label" x={num(lx)} y={num(ly)} text-anchor={anchor}>{ name.clone() }</text>
                </g>
            }
        });

    let leaker_w = props.leaker.chars().count() as f64 * 7.4 + 18.0;
    let channels: Vec<String> = props
        .channels
        .iter()
        .zip(names.iter())
        .zip(&exposed)
        .map(|((c, name), &exposed)| {
            let candor = words.percent(c.candor, 0);
            if exposed {
                words.fill(
                    "network.channel_exposed",
                    &[
                        ("name", name),
                        ("candor", &candor),
                        ("risk", &words.percent(c.leak_risk, 1)),
                    ],
                )
            } else {
                words.fill("network.channel", &[("name", name), ("candor", &candor)])
            }
        })
        .collect();
    let summary = words.fill(
        "network.summary",
        &[
            ("leaker", &props.leaker),
            (
                "channels",
                &crate::text::join(&channels, words.get("network.channel_sep")),
            ),
            ("rerouted", &rerouted_text),
        ],
    );
    let key = words.fill(
        "network.key",
        &[("leaker", &props.leaker), ("rerouted", &rerouted_text)],
    );

    html! {
        <figure class="bc-network">
            <svg class="bc-network-svg" viewBox={view_box(n)}
                preserveAspectRatio="xMidYMid meet" role="img" aria-label={summary} focusable="false">
                <g class="bc-net-ring">{ for ring }</g>
                <g class="bc-net-links">{ for links }</g>
                { for allies }
                <g class="bc-net-leaker">
                    <rect x={num(CX - leaker_w / 2.0)} y={num(CY - 13.0)} width={num(leaker_w)}
                        height="26" rx="13" />
                    <text x={num(CX)} y={num(CY + 5.0)} text-anchor="middle">{ props.leaker.clone() }</text>
                </g>
            </svg>
            <figcaption class="bc-network-key" aria-hidden="true">{ key }</figcaption>
            <NetworkTable leaker={props.leaker.clone()} {names} channels={props.channels.clone()} date={props.date.clone()} />
        </figure>
    }
}
