//! Event annotations above the plot: one per event day (markers on the same
//! or nearly the same day share it), each "label, date", stacked in rows so
//! none meets another, or left out when there is no room.

use super::labels::{stack_rows, text_width, LabelBox, MIN_WIDTH};
use super::scale::{frac, x_share};
use crate::dates::Date;
use crate::view::metric::Marker;
use crate::words::Words;

/// Most rows of annotation text above the plot; events whose labels would
/// need more keep their line (and their place in the summary) but no label.
pub const MAX_ROWS: usize = 4;
/// Height of one row of annotation text, px.
pub const ROW: f64 = 15.0;
/// Markers closer than this on the narrowest chart share one annotation, px.
const MERGE_PX: f64 = 6.0;

/// Markers that share one annotation.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkerGroup {
    /// The earliest day of the group, where its line is drawn.
    pub day: u32,
    /// The distinct labels, in day order.
    pub labels: Vec<String>,
}

/// One annotation, laid out.
#[derive(Clone, Debug, PartialEq)]
pub struct Annotation {
    pub day: u32,
    /// Its lines of text (a marker's label, and its date).
    pub lines: Vec<String>,
    pub label: LabelBox,
    /// Its top row, or `None` when it has no room and shows its line only.
    pub row: Option<usize>,
}

/// The annotations of a chart and the height of their band, px. Depends on
/// the markers, the time axis and the words, never on the current day.
#[derive(Clone, Debug, PartialEq)]
pub struct Annotations {
    pub items: Vec<Annotation>,
    pub height: f64,
}

impl Annotations {
    pub fn new(markers: &[Marker], last: u32, day0: Date, words: &Words) -> Annotations {
        let groups = group_markers(markers, last, merge_days(last));
        let laid: Vec<(Vec<String>, LabelBox)> = groups
            .iter()
            .map(|g| {
                let date = day0.plus_days(i64::from(g.day)).label(words);
                annotation(&g.labels, &date, x_share(frac(g.day, last)), words)
            })
            .collect();
        let boxes: Vec<LabelBox> = laid.iter().map(|(_, b)| *b).collect();
        let rows = stack_rows(&boxes, MAX_ROWS);
        let items: Vec<Annotation> = groups
            .iter()
            .zip(laid)
            .zip(rows)
            .map(|((g, (lines, label)), row)| Annotation {
                day: g.day,
                lines,
                label,
                row,
            })
            .collect();
        let rows_used = items
            .iter()
            .filter_map(|a| a.row.map(|r| r + a.label.lines))
            .max()
            .unwrap_or(0);
        Annotations {
            items,
            height: rows_used as f64 * ROW,
        }
    }
}

/// An event's annotation: one line per label, the last followed by the date
/// (the marker's label and its date), or the date on a line of its own
/// when that line would not fit the narrowest chart. Returns the lines and
/// their box.
pub fn annotation(
    labels: &[String],
    date: &str,
    share: f64,
    words: &Words,
) -> (Vec<String>, LabelBox) {
    let boxed = |lines: Vec<String>| {
        let longest = lines.iter().map(|l| text_width(l)).fold(0.0, f64::max);
        let b = LabelBox::new(share, longest, lines.len());
        (lines, b)
    };
    let mut lines = labels.to_vec();
    if let Some(final_line) = lines.last_mut() {
        *final_line = words.fill(
            "chart.marker",
            &[("label", final_line.as_str()), ("date", date)],
        );
    }
    let one = boxed(lines);
    if one.1.overflow() <= 0.0 {
        return one;
    }
    let mut lines = labels.to_vec();
    lines.push(date.to_string());
    boxed(lines)
}

/// Days within which markers merge, so their lines would not be told apart
/// on the narrowest chart.
pub fn merge_days(last: u32) -> u32 {
    (MERGE_PX / MIN_WIDTH * f64::from(last)).floor() as u32
}

/// Groups markers on the time axis: a marker at most `within` days after a
/// group's first day joins it (the same day always does); duplicate labels
/// merge; markers past `last` are left out.
pub fn group_markers(markers: &[Marker], last: u32, within: u32) -> Vec<MarkerGroup> {
    let mut sorted: Vec<&Marker> = markers.iter().filter(|m| m.day <= last).collect();
    crate::sort::sort_by(&mut sorted, |a, b| a.day < b.day);
    let mut groups: Vec<MarkerGroup> = Vec::new();
    for m in sorted {
        match groups.last_mut() {
            Some(g) if m.day - g.day <= within => {
                if !g.labels.contains(&m.label) {
                    g.labels.push(m.label.clone());
                }
            }
            _ => groups.push(MarkerGroup {
                day: m.day,
                labels: vec![m.label.clone()],
            }),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(day: u32, label: &str) -> Marker {
        Marker {
            day,
            label: label.into(),
        }
    }

    const DAY0: Date = Date {
        year: 2025,
        month: 6,
        day: 24,
    };

    #[test]
    fn markers_on_one_day_merge_and_others_stay_apart() {
        let markers = vec![
            marker(210, "Rutte's text posted"),
            marker(0, "Rutte's June text posted"),
            marker(210, "Macron's text posted"),
            marker(210, "Macron's text posted"),
            marker(500, "beyond the run"),
        ];
        let groups = group_markers(&markers, 390, merge_days(390));
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].day, 0);
        assert_eq!(groups[1].day, 210);
        assert_eq!(
            groups[1].labels,
            vec![
                "Rutte's text posted".to_string(),
                "Macron's text posted".to_string()
            ]
        );
        // Two days apart on a 390-day axis is under 6 px at 256 px: one line.
        let close = group_markers(&[marker(210, "a"), marker(212, "b")], 390, merge_days(390));
        assert_eq!(close.len(), 1);
        let apart = group_markers(&[marker(210, "a"), marker(230, "b")], 390, merge_days(390));
        assert_eq!(apart.len(), 2);
        // Even with no merging window, one day is one annotation.
        let same = group_markers(&[marker(210, "a"), marker(210, "a")], 390, 0);
        assert_eq!(same.len(), 1);
        assert_eq!(same[0].labels, ["a"]);
    }

    #[test]
    fn same_day_markers_give_one_annotation_with_one_date() {
        let w = Words::english();
        let markers = vec![
            marker(210, "Macron's text posted"),
            marker(210, "Rutte's text posted"),
            marker(210, "Macron's text posted"),
        ];
        let a = Annotations::new(&markers, 420, DAY0, &w);
        assert_eq!(a.items.len(), 1);
        let dated: Vec<&String> = a.items[0]
            .lines
            .iter()
            .filter(|l| l.contains("20 Jan 2026"))
            .collect();
        assert_eq!(dated.len(), 1, "{:?}", a.items[0].lines);
        assert_eq!(a.items[0].row, Some(0));
        assert_eq!(a.height, a.items[0].lines.len() as f64 * ROW);
        assert!(Annotations::new(&[], 420, DAY0, &w).height == 0.0);
    }

    #[test]
    fn a_long_annotation_puts_its_date_on_a_line_of_its_own() {
        let w = Words::english();
        let labels = vec!["Texts posted".to_string()];
        let (lines, b) = annotation(&labels, "20 Jan 2026", x_share(210.0 / 390.0), &w);
        assert_eq!(lines, ["Texts posted, 20 Jan 2026"]);
        assert_eq!(b.overflow(), 0.0);
        // Too long for one line on a phone: the date goes below.
        let labels = vec!["Macron's text posted".to_string()];
        let (lines, b) = annotation(&labels, "20 Jan 2026", x_share(210.0 / 390.0), &w);
        assert_eq!(lines, ["Macron's text posted", "20 Jan 2026"]);
        assert_eq!(b.overflow(), 0.0);
        let long = vec!["Ally 1's text posted".to_string()];
        let (lines, b) = annotation(&long, "22 Oct 2025", 0.6, &w);
        assert_eq!(lines, ["Ally 1's text posted", "22 Oct 2025"]);
        assert_eq!((b.lines, b.overflow()), (2, 0.0));
        let merged = vec![
            "Macron's text posted".to_string(),
            "Rutte's text posted".to_string(),
        ];
        let (lines, _) = annotation(&merged, "20 Jan 2026", 0.54, &w);
        assert_eq!(
            lines,
            ["Macron's text posted", "Rutte's text posted, 20 Jan 2026"]
        );
    }
}
