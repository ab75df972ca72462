//! The image writer's tests: the SVG parsed back, its text, its layout.

use super::*;
use crate::state::Action;
use crate::story::Story;
use crate::words::LOCALE_FILES;
use std::rc::Rc;

fn view(lang: &str, scenario: &str, day: f64) -> (Explainer, Rc<Words>) {
    let story = Rc::new(Story::builtin().unwrap());
    let text = LOCALE_FILES.iter().find(|(l, _)| *l == lang).unwrap().1;
    let words = Rc::new(story.words(&Words::parse(text).unwrap(), lang));
    let mut e = Explainer::new(story.clone(), story.resolved().params, true).unwrap();
    for a in [
        Action::SelectScenario(scenario.into()),
        Action::SetLanguage(lang.into(), words.clone()),
        Action::SetPublic(true),
        Action::Seek(day),
    ] {
        e.reduce(a).unwrap();
    }
    (e, words)
}

#[test]
fn the_card_holds_the_quote_the_model_label_and_the_credit() {
    let (e, _) = view("en", "only-macron", 300.0);
    let svg = svg(&e, Theme::Light, Size::Social);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1200 675\""));
    assert!(
        svg.contains(">My friend, We are totally in line on Syria."),
        "{svg}"
    );
    assert!(svg.contains(">Model</text>"));
    // The numbers are the model's, and said not to be the experts'.
    assert!(svg.contains("the Backchannel model"), "{svg}");
    assert!(svg.contains("not a forecast and not the"), "{svg}");
    assert!(svg.contains("fill=\"#ffffff\""), "light paper");
    assert!(
        !svg.contains("href") && !svg.contains("url("),
        "nothing outside"
    );
    assert_eq!(svg.matches("<svg").count(), 5, "the card and four plots");
    assert_eq!(svg.matches("</svg>").count(), 5);
}

#[test]
fn the_same_state_gives_the_same_bytes_however_it_was_reached() {
    // The image is a function of what the reader sees, not of the path
    // there: an explainer that went elsewhere first (another scenario,
    // another day, the parameters changed and reset) draws the same
    // bytes, and a day later draws other ones.
    let (direct, _) = view("vi", "what-happened", 400.0);
    let (mut detour, _) = view("vi", "only-macron", 120.0);
    for a in [
        Action::SetParam(crate::model::ParamId::Gamma, 0.3),
        Action::Seek(250.0),
        Action::ResetParams,
        Action::SelectScenario("what-happened".into()),
        Action::Seek(400.0),
    ] {
        detour.reduce(a).unwrap();
    }
    let image = svg(&direct, Theme::Dark, Size::Column);
    assert_eq!(image, svg(&detour, Theme::Dark, Size::Column));
    let (later, _) = view("vi", "what-happened", 430.0);
    assert_ne!(image, svg(&later, Theme::Dark, Size::Column));
}

#[test]
fn another_language_keeps_the_quote_and_adds_our_translation() {
    let (e, _) = view("fr", "only-macron", 300.0);
    let svg = svg(&e, Theme::Dark, Size::Column);
    assert!(
        svg.contains("<g lang=\"en\"><text"),
        "the quote keeps its language"
    );
    assert!(svg.contains("Notre traduction\u{202f}: Mon ami"));
    assert!(svg.contains("lang=\"fr\""));
    assert!(svg.contains("fill=\"#16171a\""), "dark paper");
    // A column is as tall as its content, and shows the whole quotation.
    assert!(!svg.contains("[…]"));
    assert!(svg.contains("viewBox=\"0 0 600 1"));
}

/// An attribute of a tag's text, as a number.
fn num(tag: &str, name: &str) -> f64 {
    let at = tag.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
    tag[at..at + tag[at..].find('"').unwrap()].parse().unwrap()
}

/// Whether the segment from `a` to `b` meets the box (left, top, right,
/// bottom): the segment clipped to the box's slabs (Liang–Barsky).
fn crosses(a: (f64, f64), b: (f64, f64), r: (f64, f64, f64, f64)) -> bool {
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    let d = (b.0 - a.0, b.1 - a.1);
    for (p, q) in [
        (-d.0, a.0 - r.0),
        (d.0, r.2 - a.0),
        (-d.1, a.1 - r.1),
        (d.1, r.3 - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else if p < 0.0 {
            t0 = t0.max(q / p);
        } else {
            t1 = t1.min(q / p);
        }
    }
    t0 <= t1
}

#[test]
fn no_line_runs_over_the_scale_labels() {
    for (lang, scenario, day, size) in [
        ("en", "only-macron", 300.0, Size::Social),
        ("en", "kept-private", 0.0, Size::Social),
        ("fr", "what-happened", 400.0, Size::Column),
        ("vi", "only-rutte", 250.0, Size::Social),
    ] {
        let (e, words) = view(lang, scenario, day);
        let svg = svg(&e, Theme::Light, size);
        let ticks = [1.0, 0.0].map(|s| words.percent(s, 0));
        // The scale's labels' boxes, generously (the estimated width,
        // a full em above the baseline, a quarter below, and half the
        // run's stroke all round).
        let mut labels = Vec::new();
        // Every segment drawn: the plots' polylines, in the image's
        // coordinates, and every line (the day's, the events').
        let mut segments = Vec::new();
        let mut plot = None;
        for piece in svg.split('<').skip(1) {
            let (tag, content) = piece.split_once('>').unwrap();
            // (The chart's value, in 14 px bold, may read "0%" too.)
            let scale = tag.contains("font-size=\"11\"");
            if tag.starts_with("text ") && scale && ticks.iter().any(|t| *t == content) {
                let (x, y, size) = (num(tag, "x"), num(tag, "y"), num(tag, "font-size"));
                let w = layout::width(content, size, false);
                let left = if tag.contains("text-anchor=\"end\"") {
                    x - w
                } else {
                    x
                };
                labels.push((
                    left - 1.5,
                    y - size - 1.5,
                    left + w + 1.5,
                    y + size / 4.0 + 1.5,
                ));
            } else if tag.starts_with("svg x=") {
                assert!(tag.contains("viewBox=\"0 0 1000 1000\""), "{tag}");
                plot = Some((
                    num(tag, "x"),
                    num(tag, "y"),
                    num(tag, "width"),
                    num(tag, "height"),
                ));
            } else if tag.starts_with("polyline ") {
                let (x, y, w, h) = plot.expect("a line outside a plot");
                let at = tag.find("points=\"").unwrap() + 8;
                let points: Vec<(f64, f64)> = tag[at..at + tag[at..].find('"').unwrap()]
                    .split(' ')
                    .map(|p| {
                        let (u, v) = p.split_once(',').unwrap();
                        let (u, v): (f64, f64) = (u.parse().unwrap(), v.parse().unwrap());
                        (x + u / 1000.0 * w, y + v / 1000.0 * h)
                    })
                    .collect();
                segments.extend(points.windows(2).map(|p| (p[0], p[1])));
            } else if tag.starts_with("line ") {
                let (x1, y1, x2, y2) = (
                    num(tag, "x1"),
                    num(tag, "y1"),
                    num(tag, "x2"),
                    num(tag, "y2"),
                );
                segments.push(((x1, y1), (x2, y2)));
            }
        }
        assert_eq!(labels.len(), 8, "{lang} {scenario}: two labels a chart");
        assert!(
            segments.len() > 400,
            "{lang} {scenario}: {}",
            segments.len()
        );
        for r in &labels {
            for (a, b) in &segments {
                assert!(
                    !crosses(*a, *b, *r),
                    "{lang} {scenario} day {day}: {a:?}–{b:?} over the label at {r:?}"
                );
            }
        }
    }
}

#[test]
fn a_private_message_is_drawn_as_private() {
    let (mut e, words) = view("en", "only-macron", 300.0);
    e.reduce(Action::SetPublic(false)).unwrap();
    let svg = svg(&e, Theme::Light, Size::Social);
    assert!(svg.contains(words.get("message.private_cue")));
    assert!(!svg.contains(words.get("post.public_cue")));
}
