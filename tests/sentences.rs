//! Every sentence the explainer makes from the model, at every day and in
//! every state a reader can reach, in every language: before the post, on
//! its day, during the shock, at the lowest room for compromise, at the end
//! of the timeline; with the message kept private; for the built-in story
//! and for a pack with one message. Each is read as a reader would and
//! checked for what has gone wrong before: a `{placeholder}` left unfilled,
//! a key shown for a missing string, English left in French or Vietnamese,
//! "the day of the post" before the post, "hold back 0 %", a fall from a
//! value to the same value, and numbers that disagree with the model's
//! outputs on that day.
//!
//! The state is driven only through `Explainer::reduce`, as a reader's
//! actions drive it, and read through `Frame`; which scenario a step shows
//! is not asserted here. `SENTENCES=1 cargo test --test sentences` also
//! writes every sentence read to `target/sentences-<story>-<lang>.txt`, to
//! read them as a reader would.

use backchannel::state::{Action, Explainer};
use backchannel::story::Story;
use backchannel::ui::static_story::step_view;
use backchannel::view::elapsed::after_post;
use backchannel::view::insight::insight;
use backchannel::view::{costly, Frame, Labels, Phase};
use backchannel::words::{Words, LOCALE_FILES};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The built-in story and the pack with one message.
fn stories() -> Vec<Rc<Story>> {
    let nato = std::fs::read_to_string(format!("{ROOT}/www/packs/nato-summit-2025.json")).unwrap();
    vec![
        Rc::new(Story::builtin().unwrap()),
        Rc::new(Story::parse(&nato).unwrap()),
    ]
}

fn words_for(story: &Story, lang: &str) -> Rc<Words> {
    let text = LOCALE_FILES.iter().find(|(c, _)| *c == lang).unwrap().1;
    Rc::new(story.words(&Words::parse(text).unwrap(), lang))
}

/// Text as the page shows it: tags dropped (each a word break), entities
/// read, attribute values (labels, value texts) kept as text.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('>').map_or(rest.len(), |c| open + c + 1);
        // Attribute values, each as its own line.
        for part in rest[open..close].split('"').skip(1).step_by(2) {
            out.push('\n');
            out.push_str(part);
        }
        out.push('\n');
        rest = &rest[close..];
    }
    out.push_str(rest);
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[derive(Properties)]
struct ShotProps {
    state: Rc<Explainer>,
    words: Rc<Words>,
}

impl PartialEq for ShotProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.state, &other.state) && Rc::ptr_eq(&self.words, &other.words)
    }
}

/// The step in view, as the live explainer composes it.
#[component]
fn Shot(props: &ShotProps) -> Html {
    let (e, words) = (&*props.state, &props.words);
    let labels = Labels::new(e.story(), words);
    let body = step_view(e, &labels);
    html! {
        <ContextProvider<Rc<Words>> context={words.clone()}>{ body }</ContextProvider<Rc<Words>>>
    }
}

/// The step's HTML, rendered natively as the static story is.
fn render(state: &Explainer, words: &Rc<Words>) -> String {
    let props = ShotProps {
        state: Rc::new(state.clone()),
        words: words.clone(),
    };
    backchannel::ui::ssr::render::<Shot>(props)
}

/// What one language's checks need, made once per story and language.
struct Reader {
    lang: &'static str,
    words: Rc<Words>,
    /// Literal runs of the English strings this language words otherwise:
    /// none may show in this language.
    english: Vec<String>,
    /// The first parts of string keys (`effects`, `beat`…): a word made of
    /// them and dots is a key shown for a missing string.
    prefixes: Vec<String>,
    problems: RefCell<Vec<String>>,
    /// Every sentence seen, for a reader of the failure to look at.
    seen: RefCell<Vec<String>>,
}

impl Reader {
    fn new(story: &Story, lang: &'static str) -> Reader {
        let words = words_for(story, lang);
        let en = words_for(story, "en");
        let mut english = Vec::new();
        let mut prefixes: Vec<String> = Vec::new();
        for key in en.keys() {
            let first = key.split('.').next().unwrap_or(key).to_string();
            if key.contains('.') && !prefixes.contains(&first) {
                prefixes.push(first);
            }
            if lang == "en" || words.try_get(key) == en.try_get(key) {
                continue;
            }
            for run in literal_runs(en.get(key)) {
                if !english.contains(&run) {
                    english.push(run);
                }
            }
        }
        Reader {
            lang,
            words,
            english,
            prefixes,
            problems: RefCell::new(Vec::new()),
            seen: RefCell::new(Vec::new()),
        }
    }

    fn fail(&self, at: &str, what: String) {
        self.problems
            .borrow_mut()
            .push(format!("[{}] {at}: {what}", self.lang));
    }

    /// The checks every sentence (and every rendered step) must pass.
    fn sentence(&self, at: &str, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        self.seen
            .borrow_mut()
            .push(format!("[{}] {at}: {text}", self.lang));
        if let Some(p) = placeholder(text) {
            self.fail(at, format!("unfilled {p} in {text:?}"));
        }
        for word in text.split(|c: char| c.is_whitespace() || "()[],;:«»“”\"'".contains(c)) {
            let word = word.trim_end_matches('.');
            let mut parts = word.split('.');
            let first = parts.next().unwrap_or_default();
            if parts.next().is_some()
                && self.prefixes.iter().any(|p| p == first)
                && word
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || "._-0123456789".contains(c))
            {
                self.fail(at, format!("the key {word} shown for a missing string"));
            }
        }
        for run in &self.english {
            if text.contains(run.as_str()) {
                self.fail(at, format!("English {run:?} in {text:?}"));
            }
        }
        // The sentence for a harmless text is hedged ("moves little", "a
        // little at most"): its values may read the same on either side.
        let hedged = literal_runs(self.words.get("effects.insight_small"))
            .first()
            .is_some_and(|run| text.contains(run.as_str()));
        for same in same_both_sides(text).into_iter().filter(|_| !hedged) {
            self.fail(at, format!("a change from {same} to {same} in {text:?}"));
        }
    }
}

/// Whether `text` holds the words of `key` that lead to `{name}`, with
/// `value` in its place ("They hold back 0 %", "trust falls to 95 %").
fn claims(w: &Words, key: &str, name: &str, value: &str, text: &str) -> bool {
    let template = w.get(key);
    let Some((lead, _)) = template.split_once(&format!("{{{name}}}")) else {
        return false;
    };
    // The words since the last placeholder before it.
    let lead = lead.rsplit('}').next().unwrap_or(lead);
    !lead.trim().is_empty() && text.contains(&format!("{lead}{value}"))
}

/// `{name}` left in a text, if any.
fn placeholder(text: &str) -> Option<&str> {
    let open = text.find('{')?;
    let close = text[open..].find('}')? + open;
    let name = &text[open + 1..close];
    (!name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit()))
    .then(|| &text[open..=close])
}

/// The literal runs of a template long enough to be language, not a
/// separator or a unit: three words or more.
fn literal_runs(template: &str) -> Vec<String> {
    let mut runs = Vec::new();
    let mut rest = template;
    loop {
        let (run, next) = match rest.find('{') {
            Some(open) => (
                &rest[..open],
                rest[open..].find('}').map(|c| &rest[open + c + 1..]),
            ),
            None => (rest, None),
        };
        let run = run.trim();
        if run.split_whitespace().count() >= 3 {
            runs.push(run.to_string());
        }
        match next {
            Some(next) => rest = next,
            None => return runs,
        }
    }
}

/// Values shown as moving to themselves ("80 % → 80 %"). The headline
/// trust pair and the comparison's "from → to" may stand still only where
/// no word claims a move: the checks call this on sentences that do.
fn same_both_sides(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let parts: Vec<&str> = text.split('→').collect();
    for pair in parts.windows(2) {
        let before = pair[0]
            .rsplit(['(', ' '])
            .find(|s| !s.is_empty())
            .unwrap_or_default();
        let after: String = pair[1]
            .trim_start()
            .chars()
            .take_while(|c| !matches!(c, ')' | ' ' | '.' | ',' | ';'))
            .collect();
        if !before.is_empty() && before == after && before.chars().any(|c| c.is_ascii_digit()) {
            found.push(before.to_string());
        }
    }
    found
}

/// The days worth reading in the scenario in view: the first day, around
/// each post, the shock, the lowest room for compromise, months on and the
/// last day.
fn days_of_interest(f: &Frame) -> Vec<u32> {
    let mut days = vec![0, f.horizon, f.horizon / 2];
    for e in &f.events {
        let d = e.day.floor() as u32;
        days.extend([d.saturating_sub(1), d, d + 1, d + 3, d + 20, d + 120]);
    }
    let run = f.run.0.days();
    if let Some((lowest, _)) = run
        .iter()
        .enumerate()
        .min_by(|a, b| a.1.compromise.total_cmp(&b.1.compromise))
    {
        days.push(lowest as u32);
    }
    days.retain(|d| *d <= f.horizon);
    days.sort_unstable();
    days.dedup();
    days
}

/// Everything generated for the state as it is now.
fn read(r: &Reader, e: &Explainer, at: &str, html: bool) {
    let w = &*r.words;
    let f = Frame::read(e);
    let at = format!("{at}, day {} ({})", f.day, f.date);
    let story = e.story();
    // The date and "how long after the post".
    assert_eq!(&*f.date, story.date(f.day).label(w), "{at}");
    r.sentence(&format!("{at}, when"), &f.when);
    let first = f.events.iter().map(|ev| ev.day.floor() as u32).min();
    let latest = f
        .events
        .iter()
        .map(|ev| ev.day.floor() as u32)
        .filter(|d| *d <= f.day)
        .max();
    match (first, latest) {
        (Some(first), None) => {
            assert!(f.day < first, "{at}");
            if &*f.when != w.get("effects.before_post") || f.phase != Phase::Before {
                r.fail(
                    &at,
                    format!("before the post, reads {:?} ({:?})", f.when, f.phase),
                );
            }
        }
        (Some(_), Some(latest)) => {
            let expected = after_post(w, i64::from(f.day) - i64::from(latest));
            if *f.when != *expected {
                r.fail(&at, format!("{:?}, not {expected:?}", f.when));
            }
            if !matches!(f.phase, Phase::Shock | Phase::Erosion) {
                r.fail(&at, format!("after a post, the phase is {:?}", f.phase));
            }
        }
        (None, _) => {
            if f.phase != Phase::Private {
                r.fail(&at, format!("no post, yet the phase is {:?}", f.phase));
            }
        }
    }
    // The pager's readout: the same numbers as the meters, only after a post.
    let leaked = matches!(f.phase, Phase::Shock | Phase::Erosion);
    match &f.readout {
        Some(readout) => {
            r.sentence(&format!("{at}, readout"), readout);
            let expected = w.fill(
                "nav.readout",
                &[
                    ("trust", &w.percent(f.outputs.trust, 0)),
                    ("compromise", &w.percent(f.outputs.compromise, 0)),
                ],
            );
            if **readout != *expected || !leaked {
                r.fail(&at, format!("readout {readout:?}, not {expected:?}"));
            }
        }
        None if leaked => r.fail(&at, "no readout after a post".into()),
        None => {}
    }
    // The effects' insight, with the numbers of that day.
    if leaked {
        let text = insight(w, &f.outputs, &f.baseline, costly(e));
        r.sentence(&format!("{at}, insight"), &text);
        for (name, value) in [
            ("trust", f.outputs.trust),
            ("compromise", f.outputs.compromise),
        ] {
            let shown = w.percent(value, 0);
            if !text.contains(&format!("{shown})")) && !text.contains(&format!("{shown}.")) {
                r.fail(
                    &at,
                    format!("the insight does not give {name} {shown}: {text:?}"),
                );
            }
        }
        // "They hold back 0 %": the candor sentence only once some is held back.
        if claims(
            w,
            "effects.insight_candor",
            "withheld",
            &w.percent(0.0, 0),
            &text,
        ) {
            r.fail(&at, format!("nothing held back, yet {text:?}"));
        }
    }
    // What the live region says; a post that leaves trust where it was
    // does not make it fall.
    r.sentence(&format!("{at}, announcement"), &f.announcement);
    let steady = w.percent(f.baseline.trust, 0);
    if claims(w, "announce.public", "trust", &steady, &f.announcement) {
        r.fail(&at, format!("trust does not fall: {:?}", f.announcement));
    }
    if html {
        let page = text_of(&render(e, &r.words));
        for line in page.lines() {
            r.sentence(&format!("{at}, on screen"), line);
        }
        // The meters show that day's outputs.
        if matches!(f.view, backchannel::story::View::Act) {
            for value in [f.outputs.trust, f.outputs.compromise, f.outputs.candor] {
                let shown = w.percent(value, 0);
                if !page.contains(&shown) {
                    r.fail(&at, format!("the panel does not show {shown}"));
                }
            }
        }
    }
}

/// Walks one step: kept private, made public and played to the end (the
/// live region's announcements on the way), scrubbed to each day of
/// interest, and each of the story's scenarios chosen in turn.
fn walk(r: &Reader, story: &Rc<Story>, beat: usize, reduced_motion: bool) {
    let mut e = Explainer::new(story.clone(), story.resolved().params, reduced_motion).unwrap();
    e.reduce(Action::SetLanguage(r.lang.to_string(), r.words.clone()))
        .unwrap();
    e.reduce(Action::SetVisible(true)).unwrap();
    e.reduce(Action::GoToBeat(beat)).unwrap();
    let id = &story.beats[beat].id;
    let at = |what: &str| {
        format!(
            "{} step {id}{}, {what}",
            story.id,
            if reduced_motion {
                " (reduced motion)"
            } else {
                ""
            }
        )
    };
    read(r, &e, &at("as it opens"), true);
    if e.reduce(Action::SetPublic(true)).is_ok() {
        read(r, &e, &at("made public"), true);
        // Playback, a quarter second at a time, to the end.
        for _ in 0..2000 {
            if !Frame::read(&e).playing {
                break;
            }
            e.reduce(Action::Advance { ms: 250.0 }).unwrap();
            read(r, &e, &at("playing"), false);
        }
        read(r, &e, &at("played to the end"), true);
        e.reduce(Action::Pause).unwrap();
        let f = Frame::read(&e);
        for day in days_of_interest(&f) {
            e.reduce(Action::Seek(f64::from(day))).unwrap();
            read(r, &e, &at("scrubbed"), day % 2 == 0);
        }
        let mut back = e.clone();
        back.reduce(Action::SetPublic(false)).unwrap();
        read(r, &back, &at("made private again"), true);
    }
    for scenario in story.scenario_ids().map(str::to_string).collect::<Vec<_>>() {
        let mut s = e.clone();
        if s.reduce(Action::SelectScenario(scenario.clone())).is_err() {
            continue;
        }
        s.reduce(Action::Pause).unwrap();
        let at = at(&format!("scenario {scenario}"));
        read(r, &s, &at, true);
        let f = Frame::read(&s);
        for day in days_of_interest(&f) {
            s.reduce(Action::Seek(f64::from(day))).unwrap();
            read(r, &s, &at, false);
        }
        // Played across each post: the live region tells when the room
        // for compromise crosses a mark.
        for post in &f.events {
            s.reduce(Action::Seek(post.day - 10.0)).unwrap();
            s.reduce(Action::Play).unwrap();
            for _ in 0..12 {
                s.reduce(Action::Advance { ms: 250.0 }).unwrap();
                read(r, &s, &format!("{at}, played across a post"), false);
            }
            s.reduce(Action::Pause).unwrap();
        }
    }
}

#[test]
fn every_sentence_at_every_day_and_in_every_state_in_every_language() {
    let mut problems = Vec::new();
    for story in stories() {
        for lang in story.interface_languages() {
            let r = Reader::new(&story, lang);
            for beat in 0..story.beats.len() {
                for reduced_motion in [false, true] {
                    walk(&r, &story, beat, reduced_motion);
                }
            }
            assert!(
                r.seen.borrow().len() > 100,
                "{lang}: too few sentences read"
            );
            if std::env::var_os("SENTENCES").is_some() {
                let mut seen = r.seen.borrow().clone();
                seen.sort();
                seen.dedup_by(|a, b| {
                    a.split_once(": ").map(|x| x.1) == b.split_once(": ").map(|x| x.1)
                });
                std::fs::write(
                    format!("{ROOT}/target/sentences-{}-{lang}.txt", story.id),
                    seen.join("\n"),
                )
                .unwrap();
            }
            problems.extend(r.problems.take());
        }
    }
    problems.dedup();
    if std::env::var_os("SENTENCES").is_some() {
        std::fs::write(
            format!("{ROOT}/target/sentence-problems.txt"),
            problems.join("\n"),
        )
        .unwrap();
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems
            .iter()
            .take(60)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_checks_catch_what_they_are_for() {
    let story = Story::builtin().unwrap();
    let r = Reader::new(&story, "fr");
    let en = words_for(&story, "en");
    r.sentence("English", en.get("effects.kept_private"));
    r.sentence("a key", "Marge de compromis : effects.shock");
    r.sentence("unfilled", "Confiance {trust}");
    r.sentence(
        "no move",
        "la marge de compromis recule (66\u{202f}% → 66\u{202f}%).",
    );
    assert_eq!(r.problems.take().len(), 4);
    r.sentence("French", r.words.get("effects.kept_private"));
    r.sentence("a number", "Confiance 0.5 · 95\u{202f}% → 25\u{202f}%");
    assert_eq!(r.problems.take(), Vec::<String>::new());
    // What the walk checks on the live region and the insight: the old
    // "hold back 0 %" and a harmless post's "trust falls to 95 %".
    let old = en.fill("effects.insight_candor", &[("withheld", "0%")]);
    assert!(claims(
        &en,
        "effects.insight_candor",
        "withheld",
        "0%",
        &old
    ));
    let fell = en.fill("announce.public", &[("trust", "95%")]);
    assert!(claims(&en, "announce.public", "trust", "95%", &fell));
    assert!(!claims(&en, "announce.public", "trust", "25%", &fell));
    assert_eq!(placeholder("Trust {trust} now"), Some("{trust}"));
    assert_eq!(placeholder("a {} b"), None);
    assert_eq!(same_both_sides("candor 80% → 80%)"), ["80%"]);
    assert_eq!(
        same_both_sides("(franchise 80\u{202f}% → 80\u{202f}%)"),
        ["80\u{202f}%"]
    );
    assert!(same_both_sides("Trust 95% → 25%.").is_empty());
    assert_eq!(
        literal_runs("They hold back {withheld} of the sensitive content ({a})"),
        ["They hold back", "of the sensitive content ("]
    );
}
