//! Words made from the story and the reader's language alone: beat titles,
//! senders' names, and the markers that annotate the charts ("Texts of <a>
//! and <b> posted"). Made once per story and language, or once per
//! revision of the runs, never per frame.

use super::metric::Marker;
use crate::model::Event;
use crate::story::{Story, View};
use crate::words::Words;
use std::rc::Rc;

/// Words that depend on the story alone.
pub struct Labels {
    pub titles: Vec<Rc<str>>,
    /// Every sender's short name, or "Ally n".
    pub sender_names: Rc<Vec<String>>,
    /// For each beat that compares two texts (by beat index), what its
    /// charts say about them.
    pub comparisons: Vec<Option<Comparison>>,
    /// The languages the reader can switch between (the story's, not the
    /// day's: worked out here once, not in every frame).
    pub languages: Vec<&'static str>,
}

/// What a comparison's charts say: each text's line label ("<name>'s text
/// alone"), and the markers of the two posts.
pub struct Comparison {
    pub against: Rc<str>,
    pub this: Rc<str>,
    pub markers: Rc<Vec<Marker>>,
}

impl Labels {
    pub fn new(story: &Story, words: &Words) -> Labels {
        Labels {
            languages: story.interface_languages(),
            titles: story
                .beats
                .iter()
                .map(|b| {
                    words
                        .get(&format!("beat.{}.title", b.id))
                        .to_string()
                        .into()
                })
                .collect(),
            sender_names: Rc::new(
                (0..story.senders.len())
                    .map(|i| sender_label(story, words, i))
                    .collect(),
            ),
            comparisons: story
                .beats
                .iter()
                .map(|b| {
                    (b.view == View::Compare).then(|| {
                        let (against, this) = (story.against_of(b), story.message_of(b));
                        let alone = |i: usize| {
                            let key = format!("message.{}.label", story.messages[i].id);
                            let label = words.get(&key);
                            Rc::from(words.fill("compare.alone", &[("label", label)]))
                        };
                        Comparison {
                            against: alone(against),
                            this: alone(this),
                            markers: Rc::new(message_markers(story, words, &[against, this])),
                        }
                    })
                })
                .collect(),
        }
    }
}

/// Sender `i`'s name as the reader sees it: the pack's short name, or "Ally n".
pub fn sender_label(story: &Story, words: &Words, i: usize) -> String {
    story
        .sender_name(i)
        .map(str::to_string)
        .unwrap_or_else(|| words.fill("network.ally", &[("n", &(i + 1).to_string())]))
}

/// One marker per day with posts, naming whose texts were posted: same-day
/// posts share one annotation.
pub fn markers(story: &Story, words: &Words, events: &[Event]) -> Vec<Marker> {
    markers_of(
        story,
        words,
        events.iter().map(|e| (e.day.floor() as u32, e.sender)),
    )
}

/// The markers of some of the story's messages, each posted on its day: what
/// a chart comparing the texts, each alone, annotates.
pub fn message_markers(story: &Story, words: &Words, messages: &[usize]) -> Vec<Marker> {
    let posts = messages
        .iter()
        .filter_map(|&i| story.messages.get(i))
        .map(|m| (m.day, m.sender_index));
    markers_of(story, words, posts)
}

fn markers_of(
    story: &Story,
    words: &Words,
    posts: impl Iterator<Item = (u32, usize)>,
) -> Vec<Marker> {
    let mut days: Vec<(u32, Vec<String>)> = Vec::new();
    for (day, sender) in posts {
        let name = sender_label(story, words, sender);
        match days.iter_mut().find(|(d, _)| *d == day) {
            Some((_, names)) if !names.contains(&name) => names.push(name),
            Some(_) => {}
            None => days.push((day, vec![name])),
        }
    }
    crate::sort::sort_by(&mut days, |a, b| a.0 < b.0);
    days.into_iter()
        .map(|(day, names)| Marker {
            day,
            label: match names.as_slice() {
                [one] => words.fill("marker.leak", &[("name", one)]),
                _ => words.fill(
                    "marker.leaks",
                    &[("names", &crate::text::join(&names, words.get("marker.and")))],
                ),
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_day_posts_share_one_marker_and_allies_have_numbers() {
        let story = Story::builtin().unwrap();
        let words = Words::english();
        let what_happened = &story.scenario("what-happened").unwrap().events;
        let m = markers(&story, &words, what_happened);
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(m[0].day < m[1].day);
        assert_eq!(m[1].label.matches(" and ").count(), 1, "{m:?}");
        let labels = Labels::new(&story, &words);
        assert_eq!(labels.sender_names.len(), story.senders.len());
        assert_eq!(labels.sender_names.last().unwrap(), "Ally 6");
        let one = message_markers(&story, &words, &[0, 0]);
        assert_eq!(one.len(), 1);
    }
}
