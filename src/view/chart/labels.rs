//! Label layout decided ahead of drawing, from estimated text widths on the
//! narrowest chart: labels hang inwards near the edges, stack in rows when
//! they would meet, spread apart when they would touch, and are left out
//! rather than overlap. Wider charts only add room between them.

/// The narrowest chart the layout plans for, in px: a 320 px phone, less the
/// article's margins and the effects panel's padding.
pub const MIN_WIDTH: f64 = 256.0;
/// Generous average width of a character of the chart's 12 px text (DejaVu
/// Sans, the widest common system UI face, averages about 6.7 px), px.
pub const CHAR_WIDTH: f64 = 7.2;
/// The same for its 13 px bold text (the end labels, the day's value), px.
pub const BOLD_CHAR_WIDTH: f64 = 9.0;
/// Height a line of 13 px text needs, px: its box (ascent and descent of
/// DejaVu Sans, 1.16 em) is 15.1 px.
pub const TEXT_HEIGHT: f64 = 16.0;
/// Least room between two labels side by side, px.
pub const GAP: f64 = 6.0;

/// Estimated width of `text` in the chart's 12 px text, px.
pub fn text_width(text: &str) -> f64 {
    text.chars().count() as f64 * CHAR_WIDTH
}

/// Estimated width of `text` in the chart's 13 px bold text, px.
pub fn bold_width(text: &str) -> f64 {
    text.chars().count() as f64 * BOLD_CHAR_WIDTH
}

/// How a label hangs from its x position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    pub fn attr(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// A label's extent on the narrowest chart, in px.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelBox {
    pub x: f64,
    pub width: f64,
    pub lines: usize,
    pub anchor: Anchor,
}

impl LabelBox {
    /// A label at share `share` of the chart's width: centred on its point if
    /// it fits, else hanging from it to whichever side fits, else placed to
    /// stick out least. Deciding at the narrowest width keeps the choice
    /// right at every width, since wider charts only add room.
    pub fn new(share: f64, width: f64, lines: usize) -> LabelBox {
        let at = |anchor| LabelBox {
            x: share * MIN_WIDTH,
            width,
            lines,
            anchor,
        };
        // `min_by` keeps the first of equals: centred wins a tie.
        [Anchor::Middle, Anchor::Start, Anchor::End]
            .into_iter()
            .map(at)
            .min_by(|a, b| a.overflow().total_cmp(&b.overflow()))
            .unwrap_or_else(|| at(Anchor::Middle))
    }

    /// How far the label sticks out of the narrowest chart, px.
    pub fn overflow(&self) -> f64 {
        (-self.left()).max(0.0) + (self.right() - MIN_WIDTH).max(0.0)
    }

    pub fn left(&self) -> f64 {
        match self.anchor {
            Anchor::Start => self.x,
            Anchor::Middle => self.x - self.width / 2.0,
            Anchor::End => self.x - self.width,
        }
    }

    pub fn right(&self) -> f64 {
        self.left() + self.width
    }
}

/// Whether labels in left-to-right order leave a gap between neighbours.
pub fn apart(boxes: &[LabelBox]) -> bool {
    boxes.windows(2).all(|w| w[0].right() + GAP <= w[1].left())
}

/// The top row of each label: the first row where it overlaps no label
/// already placed (with a small gap), taking the labels in order; `None` when
/// it would not fit within `max_rows` rows.
pub fn stack_rows(boxes: &[LabelBox], max_rows: usize) -> Vec<Option<usize>> {
    let mut rows: Vec<Option<usize>> = Vec::with_capacity(boxes.len());
    for (i, b) in boxes.iter().enumerate() {
        let clashes = |row: usize| {
            boxes[..i].iter().zip(&rows).any(|(p, r)| {
                r.is_some_and(|r| {
                    let rows_meet = row < r + p.lines && r < row + b.lines;
                    let cols_meet = b.left() < p.right() + GAP && p.left() < b.right() + GAP;
                    rows_meet && cols_meet
                })
            })
        };
        let row = (0..(max_rows + 1).saturating_sub(b.lines)).find(|r| !clashes(*r));
        rows.push(row);
    }
    rows
}

/// Baselines for the labels at the ends of lines that end at `ends` (px,
/// down the chart), returned in the same order: the topmost line's label
/// above its line, the others below theirs (each on the other side where
/// there is no room, rather than on its line), then spread at least
/// `TEXT_HEIGHT` apart within `top..=bottom` (the baselines' room), keeping
/// their order.
pub fn end_label_ys(ends: &[f64], top: f64, bottom: f64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..ends.len()).collect();
    crate::sort::sort_by(&mut order, |a, b| ends[*a].total_cmp(&ends[*b]).is_lt());
    let wanted: Vec<f64> = order
        .iter()
        .enumerate()
        .map(|(rank, i)| {
            let y = ends[*i];
            if (rank == 0 && y - 5.0 >= top) || y + TEXT_HEIGHT > bottom {
                y - 5.0
            } else {
                y + TEXT_HEIGHT
            }
        })
        .collect();
    let placed = spread(&wanted, TEXT_HEIGHT, top, bottom);
    let mut out = vec![0.0; ends.len()];
    for (i, y) in order.into_iter().zip(placed) {
        out[i] = y;
    }
    out
}

/// Positions as near as may be to `wanted` (ascending), at least `gap` apart
/// and within `lo..=hi`: pushed down past their predecessors, then back up
/// from the bottom. When they cannot all fit they are spaced evenly from `lo`.
pub fn spread(wanted: &[f64], gap: f64, lo: f64, hi: f64) -> Vec<f64> {
    let n = wanted.len();
    if n == 0 {
        return Vec::new();
    }
    if (n - 1) as f64 * gap > hi - lo {
        return (0..n).map(|i| lo + i as f64 * gap).collect();
    }
    let mut out: Vec<f64> = Vec::with_capacity(n);
    for w in wanted {
        let floor = out.last().map_or(lo, |p| p + gap);
        out.push(crate::num::clamp(*w, lo, hi).max(floor));
    }
    let mut ceiling = hi;
    for y in out.iter_mut().rev() {
        *y = y.min(ceiling);
        ceiling = *y - gap;
    }
    out
}

/// Whether two boxes given as (left, top, right, bottom) meet, with `gap`.
pub fn meet(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64), gap: f64) -> bool {
    a.0 < b.2 + gap && b.0 < a.2 + gap && a.1 < b.3 && b.1 < a.3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_hang_inwards_near_the_edges() {
        assert_eq!(LabelBox::new(0.5, 100.0, 1).anchor, Anchor::Middle);
        assert_eq!(LabelBox::new(0.02, 50.0, 1).anchor, Anchor::Start);
        assert_eq!(LabelBox::new(0.97, 50.0, 1).anchor, Anchor::End);
        let b = LabelBox::new(0.9, 200.0, 1);
        assert_eq!(b.anchor, Anchor::End);
        assert!(b.left() >= 0.0 && b.right() <= MIN_WIDTH);
        assert_eq!(b.overflow(), 0.0);
        // Too wide for either side: centred, sticking out least.
        let wide = LabelBox::new(0.4, 260.0, 1);
        assert_eq!(wide.anchor, Anchor::Middle);
        assert!(wide.overflow() > 0.0 && wide.overflow() < 30.0);
    }

    #[test]
    fn overlapping_labels_stack_and_separate_ones_share_a_row() {
        let a = LabelBox::new(0.5, 150.0, 1);
        let b = LabelBox::new(0.55, 150.0, 2);
        let c = LabelBox::new(0.05, 20.0, 1);
        let d = LabelBox::new(0.56, 150.0, 1);
        let rows = stack_rows(&[a, b, c, d], 4);
        assert_eq!(rows[0], Some(0));
        assert_eq!(rows[1], Some(1), "b overlaps a");
        assert_eq!(rows[2], Some(0), "c is clear of both");
        assert_eq!(rows[3], Some(3), "d overlaps a (row 0) and b (rows 1-2)");
        // With only three rows, d has no room: its label is left out.
        let rows = stack_rows(&[a, b, c, d], 3);
        assert_eq!(rows, [Some(0), Some(1), Some(0), None]);
        // A label taller than the room never gets a row.
        assert_eq!(stack_rows(&[LabelBox::new(0.5, 50.0, 5)], 4), [None]);
    }

    #[test]
    fn end_labels_sit_beside_their_lines_and_never_touch() {
        let (top, bottom) = (61.0, 167.0);
        // Run well below the baseline: run label under its line, baseline label above.
        let ys = end_label_ys(&[150.0, 80.0], top, bottom);
        assert!(ys[0] > 150.0 && ys[1] < 80.0, "{ys:?}");
        // Coincident lines, two or three, anywhere: apart and inside the room.
        for y in [50.0, 60.0, 110.0, 165.0, 170.0] {
            for n in [2, 3] {
                let ys = end_label_ys(&vec![y; n], top, bottom);
                let mut sorted = ys.clone();
                sorted.sort_by(f64::total_cmp);
                assert!(
                    sorted.windows(2).all(|w| w[1] - w[0] >= TEXT_HEIGHT - 1e-9),
                    "{y}: {ys:?}"
                );
                assert!(
                    ys.iter().all(|l| (top - 1e-9..=bottom + 1e-9).contains(l)),
                    "{y}: {ys:?}"
                );
            }
        }
        // A lower line at the foot of the plot: its label above it, not on
        // it; the top line at the plot's top: its label below it.
        let ys = end_label_ys(&[80.0, 165.0], top, bottom);
        assert!(ys[1] < 165.0 - 4.0 && ys[1] > 80.0, "{ys:?}");
        let ys = end_label_ys(&[63.0, 120.0], top, bottom);
        assert!(
            ys[0] >= 63.0 + TEXT_HEIGHT - 1e-9 && ys[0] < 120.0,
            "{ys:?}"
        );
        // Three lines: the labels keep the lines' order down the chart.
        let ys = end_label_ys(&[100.0, 90.0, 95.0], top, bottom);
        assert!(ys[1] < ys[2] && ys[2] < ys[0], "{ys:?}");
    }

    #[test]
    fn spreading_keeps_order_room_and_wishes_where_it_can() {
        assert_eq!(spread(&[10.0, 50.0], 14.0, 0.0, 100.0), [10.0, 50.0]);
        assert_eq!(spread(&[10.0, 12.0], 14.0, 0.0, 100.0), [10.0, 24.0]);
        const { assert!(TEXT_HEIGHT >= 13.0 * 1.17) };
        assert_eq!(spread(&[95.0, 99.0], 14.0, 0.0, 100.0), [86.0, 100.0]);
        assert_eq!(spread(&[-5.0], 14.0, 0.0, 100.0), [0.0]);
        // No room for all: even steps from the top, the order kept.
        assert_eq!(spread(&[5.0, 5.0, 5.0], 14.0, 0.0, 20.0), [0.0, 14.0, 28.0]);
        assert!(spread(&[], 14.0, 0.0, 20.0).is_empty());
    }

    #[test]
    fn boxes_meet_only_when_both_axes_overlap() {
        let a = (0.0, 0.0, 10.0, 10.0);
        assert!(meet(a, (5.0, 5.0, 15.0, 15.0), 0.0));
        assert!(!meet(a, (5.0, 10.0, 15.0, 20.0), 0.0), "stacked");
        assert!(!meet(a, (13.0, 0.0, 20.0, 10.0), 2.0), "side by side");
        assert!(meet(a, (11.0, 0.0, 20.0, 10.0), 2.0), "within the gap");
    }

    #[test]
    fn widths_are_estimated_generously() {
        assert_eq!(text_width("Jan 2026"), 8.0 * CHAR_WIDTH);
        assert!(bold_width("95%") > text_width("95%"));
    }
}
