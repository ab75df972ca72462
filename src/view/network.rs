//! The network's geometry, apart from its drawing (`ui/network.rs`): where
//! the allies sit on the ring around the leader and where their names go,
//! how thick each channel is drawn, and which allies are exposed. Units are
//! those of a 260-unit viewBox.

use crate::model::SenderOutputs;
use crate::words::Words;
use std::f64::consts::PI;

/// Width of the viewBox: about the narrowest container (a 320 px phone, less
/// the article's margins and a panel's padding), where it is drawn at 1:1.
const VIEW_W: f64 = 260.0;
/// Centre of the ring (the leaker).
pub const CX: f64 = VIEW_W / 2.0;
pub const CY: f64 = 100.0;
/// Radii of the ring: a little wider than tall, to leave room for labels above and below.
const RX: f64 = 66.0;
const RY: f64 = 62.0;
/// Radius of an ally's node.
pub const NODE_R: f64 = 7.0;
/// Stroke width of a channel at full strength (candor at its baseline, or
/// everything rerouted).
const MAX_WIDTH: f64 = 7.0;
/// The thinnest channel still drawn, so a channel with no traffic stays visible.
pub const HAIRLINE: f64 = 0.75;
/// Candor can exceed its baseline a little; the line stops growing here.
const MAX_RATIO: f64 = 1.25;
/// Below this share, nothing is rerouted worth drawing.
const IDLE_REROUTED: f64 = 0.005;
/// How far above the baseline a leak risk must be to count as exposed
/// (ignores rounding noise).
const EXPOSED_MARGIN: f64 = 0.001;
/// Allies whose rise in leak risk is within this share of the largest rise
/// are exposed alike (ties: several messages posted, or allies who learn
/// everything from one leak). A costly post convinces every ally almost as
/// much as its victim (beliefs near certainty: 0.78 against 0.74 the day
/// of a costly post at the defaults, a rise 94 % as large), so the share
/// is small.
const EXPOSED_TIE: f64 = 0.05;

/// The viewBox: the full width, and from the highest to the lowest node or
/// label (so the figure takes no more height than its drawing).
pub fn view_box(n: usize) -> String {
    let (top, bottom) = vertical_extent(n);
    format!("0 {} {} {}", num(top), num(VIEW_W), num(bottom - top))
}

/// The highest and lowest points drawn for `n` allies, with a small margin.
fn vertical_extent(n: usize) -> (f64, f64) {
    /// Text reaches this far above its baseline and below it.
    const ASCENT: f64 = 13.0;
    const DESCENT: f64 = 4.0;
    const MARGIN: f64 = 3.0;
    let mut top = CY - 13.0;
    let mut bottom = CY + 13.0;
    for i in 0..n {
        let (x, y) = ring_position(i, n);
        let (_, ly, _) = label_position(i, n, x, y);
        top = top.min(y - NODE_R - 4.0).min(ly - ASCENT);
        bottom = bottom.max(y + NODE_R + 4.0).max(ly + DESCENT);
    }
    (top - MARGIN, bottom + MARGIN)
}

/// A number as an SVG attribute.
pub fn num(v: f64) -> String {
    crate::num::fixed(v, 2)
}

/// The angle of ally `i` of `n` on the ring, radians clockwise from the
/// right. Starting half a step past the top leaves the top and bottom free
/// for labels when `n` is even.
fn angle(i: usize, n: usize) -> f64 {
    let step = 2.0 * PI / n.max(1) as f64;
    -PI / 2.0 + step / 2.0 + i as f64 * step
}

/// Where ally `i` of `n` sits.
pub fn ring_position(i: usize, n: usize) -> (f64, f64) {
    let a = angle(i, n);
    (CX + RX * crate::math::cos(a), CY + RY * crate::math::sin(a))
}

/// Where an ally's name goes: beside its node on the left and right, above or
/// below it at the top and bottom. Returns (x, y baseline, text-anchor).
pub fn label_position(i: usize, n: usize, x: f64, y: f64) -> (f64, f64, &'static str) {
    let a = angle(i, n);
    let (c, s) = (crate::math::cos(a), crate::math::sin(a));
    let gap = NODE_R + 5.0;
    if c > 0.35 {
        (x + gap, y + 4.5 + 3.0 * s, "start")
    } else if c < -0.35 {
        (x - gap, y + 4.5 + 3.0 * s, "end")
    } else if s < 0.0 {
        (x, y - gap, "middle")
    } else {
        (x, y + gap + 10.0, "middle")
    }
}

/// The name of ally `i`, or "Ally n" when none was given.
pub fn sender_name(words: &Words, senders: &[String], i: usize) -> String {
    senders
        .get(i)
        .filter(|s| !s.trim().is_empty())
        .cloned()
        .unwrap_or_else(|| words.fill("network.ally", &[("n", &(i + 1).to_string())]))
}

/// Stroke width of an ally's line to the leaker: proportional to candor over
/// its baseline, never thinner than a hairline.
pub fn link_width(candor: f64, candor0: f64) -> f64 {
    let ratio = if candor0 > 0.0 && candor.is_finite() {
        crate::num::clamp(candor / candor0, 0.0, MAX_RATIO)
    } else {
        0.0
    };
    (ratio * MAX_WIDTH).max(HAIRLINE)
}

/// Stroke width of the links between allies: proportional to the share
/// rerouted; `None` when nothing is (the ring is then an idle hairline).
pub fn ally_width(rerouted: f64) -> Option<f64> {
    (rerouted.is_finite() && rerouted >= IDLE_REROUTED)
        .then(|| (rerouted.min(1.0) * MAX_WIDTH).max(HAIRLINE))
}

/// The pairs of allies linked on the ring: each with the next, once.
pub fn ring_pairs(n: usize) -> Vec<(usize, usize)> {
    match n {
        0 | 1 => vec![],
        2 => vec![(0, 1)],
        _ => (0..n).map(|i| (i, (i + 1) % n)).collect(),
    }
}

/// Which allies to highlight: those whose leak risk is above the baseline and
/// rose (nearly) as much as the largest rise. Allies raised only by what they
/// learnt from another's leak stay plain unless they rose as much.
pub fn exposed(channels: &[SenderOutputs], baseline: f64) -> Vec<bool> {
    let rise = |c: &SenderOutputs| c.leak_risk - baseline;
    let top = channels.iter().map(rise).fold(0.0_f64, f64::max);
    channels
        .iter()
        .map(|c| rise(c) > EXPOSED_MARGIN && rise(c) >= top * (1.0 - EXPOSED_TIE))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Widths in viewBox units, by hand: a channel at full strength is 7 wide,
    // the thinnest still drawn 0.75, and a line stops growing at 1.25 times
    // the baseline candor (8.75).

    #[track_caller]
    fn assert_width(got: f64, want: f64) {
        assert!((got - want).abs() < 1e-12, "width {got}, expected {want}");
    }

    #[test]
    fn link_width_follows_candor_and_keeps_a_hairline() {
        // Candor at its baseline, 0.8 of 0.8: full width.
        assert_eq!(link_width(0.8, 0.8), 7.0);
        // Half the baseline candor: half the width.
        assert_eq!(link_width(0.4, 0.8), 3.5);
        // Three quarters (0.6 of 0.8): 5.25; after a Macron-type leak candor
        // falls by about a third (0.54 of 0.8): 4.725.
        assert_width(link_width(0.6, 0.8), 5.25);
        assert_width(link_width(0.54, 0.8), 4.725);
        // At κ₀ = 1 (p₀ ≤ k), candor 0.5 is half of it.
        assert_eq!(link_width(0.5, 1.0), 3.5);
        // No candor, or so little the line would vanish (0.05/0.8·7 = 0.4375):
        // the hairline.
        assert_eq!(link_width(0.0, 0.8), 0.75);
        assert_eq!(link_width(0.05, 0.8), 0.75);
        // More candor than at the baseline grows the line only to 1.25 times.
        assert_width(link_width(0.9, 0.8), 7.875);
        assert_eq!(link_width(5.0, 0.8), 8.75);
        // Nothing sensible to draw: the hairline.
        assert_eq!(link_width(0.5, 0.0), 0.75);
        assert_eq!(link_width(f64::NAN, 0.8), 0.75);
        assert_eq!(link_width(f64::INFINITY, 0.8), 0.75);
    }

    #[test]
    fn ally_links_carry_what_is_rerouted() {
        // Nothing (or under half a percent) rerouted: no ring, an idle hairline.
        assert_eq!(ally_width(0.0), None);
        assert_eq!(ally_width(0.001), None);
        assert_eq!(ally_width(0.0049), None);
        assert_eq!(ally_width(f64::NAN), None);
        // Half rerouted: 3.5; 31 %: 2.17; everything (or more): 7.
        assert_eq!(ally_width(0.5), Some(3.5));
        assert_width(ally_width(0.31).unwrap(), 2.17);
        assert_eq!(ally_width(1.0), Some(7.0));
        assert_eq!(ally_width(1.5), Some(7.0));
        // A little rerouted (2 %: 0.14 wide) is drawn, at the hairline.
        assert_eq!(ally_width(0.02), Some(0.75));
        assert_eq!(ally_width(0.005), Some(0.75));
        // A line at baseline candor and everything rerouted are equally thick.
        assert_eq!(ally_width(1.0).unwrap(), link_width(0.8, 0.8));
    }

    #[test]
    fn ring_links_each_neighbour_once() {
        assert!(ring_pairs(1).is_empty());
        assert_eq!(ring_pairs(2), vec![(0, 1)]);
        assert_eq!(ring_pairs(6).len(), 6);
        assert!(ring_pairs(6).contains(&(5, 0)));
    }

    #[test]
    fn six_allies_fit_the_view_with_their_labels() {
        let n = 6;
        for i in 0..n {
            let (x, y) = ring_position(i, n);
            let (lx, ly, anchor) = label_position(i, n, x, y);
            // A six-letter name ("Macron") at 13 units is about 48 units wide.
            let (left, right) = match anchor {
                "start" => (lx, lx + 48.0),
                "end" => (lx - 48.0, lx),
                _ => (lx - 24.0, lx + 24.0),
            };
            assert!(left >= 0.0 && right <= VIEW_W, "ally {i}: {left}..{right}");
            let (top, bottom) = vertical_extent(n);
            assert!(ly - 12.0 >= top && ly + 3.0 <= bottom, "ally {i}: y {ly}");
            assert!(
                y - NODE_R >= top && y + NODE_R <= bottom,
                "ally {i}: node {y}"
            );
        }
        // Tighter than the ring's full height plus labels, never cut.
        let (top, bottom) = vertical_extent(n);
        assert!(bottom - top < 2.0 * RY + 60.0);
        assert!(view_box(n).starts_with("0 "));
        // No ally straight above or below the centre, where the leaker's name is.
        for i in 0..n {
            assert!((ring_position(i, n).0 - CX).abs() > 20.0);
        }
    }

    fn channel(leak_risk: f64) -> SenderOutputs {
        SenderOutputs {
            leak_risk,
            candor: 0.5,
        }
    }

    #[test]
    fn the_ally_whose_risk_rose_most_is_exposed() {
        // Kept private: nobody above the baseline.
        assert_eq!(
            exposed(&[channel(0.05), channel(0.0505)], 0.05),
            [false, false]
        );
        // Macron posted; the others learnt from it (γ = 0.8) and rose less,
        // a little or nearly as much (the day of his post: 0.782, 0.738).
        assert_eq!(
            exposed(&[channel(0.079), channel(0.073), channel(0.073)], 0.05),
            [true, false, false]
        );
        assert_eq!(
            exposed(&[channel(0.782), channel(0.738), channel(0.738)], 0.05),
            [true, false, false]
        );
        // Two posted alike, or γ = 1 (everyone learns everything): all alike.
        assert_eq!(
            exposed(&[channel(0.079), channel(0.0785), channel(0.06)], 0.05),
            [true, true, false]
        );
        assert_eq!(exposed(&[channel(0.07), channel(0.07)], 0.05), [true, true]);
        assert!(exposed(&[], 0.05).is_empty());
    }

    #[test]
    fn missing_names_read_ally_n() {
        let w = Words::english();
        let names = vec!["Macron".to_string(), " ".to_string()];
        assert_eq!(sender_name(&w, &names, 0), "Macron");
        assert_eq!(sender_name(&w, &names, 1), "Ally 2");
        assert_eq!(sender_name(&w, &names, 4), "Ally 5");
    }
}
