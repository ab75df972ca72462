//! Every quotation a story pack shows is verbatim from the reporting kept in
//! tests/fixtures/source (copies of ../shared/source, pinned by digest), and
//! stands near the name of the person or outlet it is attributed to. Every
//! pack in www/packs is checked, the built-in one included.

use backchannel::story::Story;
use std::fs;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/source");
const PACKS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/packs");

/// FNV-1a digests of the source copies: an edit to a copy fails the tests
/// even where ../shared is not beside the checkout (CI's clean clone).
const DIGESTS: [(&str, u64); 2] = [
    ("article.txt", 0x15e3_3043_044c_0c4e),
    ("reporting.md", 0xe2b6_6045_8c37_036a),
];

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Line breaks and runs of spaces in the sources are layout, not content.
fn normalise(text: &str) -> String {
    text.replace("\n> ", " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn read_fixture(name: &str) -> String {
    fs::read_to_string(format!("{FIXTURES}/{name}")).unwrap_or_else(|e| {
        panic!("tests/fixtures/source/{name} is missing ({e}): the quotes cannot be checked")
    })
}

struct Sources {
    texts: Vec<String>,
    reporting_raw: String,
}

impl Sources {
    fn load() -> Self {
        Sources {
            texts: vec![
                normalise(&read_fixture("article.txt")),
                normalise(&read_fixture("reporting.md")),
            ],
            reporting_raw: read_fixture("reporting.md"),
        }
    }

    /// Where the quote stands, in which text; panics if it is in neither.
    fn find(&self, quote: &str) -> (&str, usize) {
        let q = normalise(quote);
        for text in &self.texts {
            if let Some(at) = text.find(&q) {
                return (text, at);
            }
        }
        panic!("not verbatim in the sources: {quote}");
    }

    /// The text within `window` characters either side of the quote.
    fn around(&self, quote: &str, window: usize) -> &str {
        let (text, at) = self.find(quote);
        let start = text.floor_char_boundary(at.saturating_sub(window));
        let end = text.ceil_char_boundary((at + normalise(quote).len() + window).min(text.len()));
        &text[start..end]
    }

    /// The quote is verbatim and `who` appears within `window` characters of it.
    fn attributed(&self, quote: &str, who: &str, window: usize) {
        assert!(
            self.around(quote, window).contains(who),
            "\"{quote}\" is not near \"{who}\" in the sources"
        );
    }

    /// Whether reporting.md's table row naming `who` contains four
    /// consecutive words of `sentence`.
    fn row_summarises(&self, who: &str, sentence: &str) -> bool {
        let Some(row) = self
            .reporting_raw
            .lines()
            .find(|l| l.starts_with('|') && l.contains(who))
        else {
            return false;
        };
        let row = row.to_lowercase();
        let words: Vec<String> = sentence
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect();
        words.windows(4).any(|w| row.contains(&w.join(" ")))
    }
}

fn packs() -> Vec<(String, Story)> {
    let mut packs: Vec<(String, Story)> = fs::read_dir(PACKS)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let text = fs::read_to_string(&p).unwrap();
            let story = Story::parse(&text).unwrap_or_else(|e| panic!("{}: {:?}", p.display(), e));
            (p.file_name().unwrap().to_string_lossy().into_owned(), story)
        })
        .collect();
    packs.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(packs.len() >= 2, "expected the built-in and the NATO packs");
    packs
}

fn surname(name: &str) -> &str {
    name.rsplit(' ').next().unwrap()
}

#[test]
fn the_fixtures_are_pinned_and_are_the_shared_sources() {
    for (name, digest) in DIGESTS {
        let copy = read_fixture(name);
        assert_eq!(
            fnv1a(copy.as_bytes()),
            digest,
            "tests/fixtures/source/{name} was edited: the sources are not ours to change"
        );
        // Beside the checkout (a developer's machine), the copies must be
        // the shared sources; a clean clone has only the copies, which the
        // digests pin. Either way the test says which it did.
        match shared_source(name) {
            Some((shared, original)) => {
                assert_eq!(
                    copy, original,
                    "tests/fixtures/source/{name} differs from {shared}"
                );
                eprintln!("{name}: the copy is {shared}");
            }
            None => eprintln!(
                "{name}: no shared sources beside this checkout (../shared/source, or \
                 BACKCHANNEL_SHARED); the copy is checked by its digest only"
            ),
        }
    }
}

/// The shared source `name` and its path: `$BACKCHANNEL_SHARED/source`, or
/// `../shared/source` beside the checkout.
fn shared_source(name: &str) -> Option<(String, String)> {
    let dirs = [
        std::env::var("BACKCHANNEL_SHARED").ok(),
        Some(format!("{}/../shared", env!("CARGO_MANIFEST_DIR"))),
    ];
    dirs.into_iter().flatten().find_map(|dir| {
        let path = format!("{dir}/source/{name}");
        fs::read_to_string(&path).ok().map(|text| (path, text))
    })
}

#[test]
fn a_named_shared_directory_must_hold_the_sources() {
    // A BACKCHANNEL_SHARED that does not hold them is a mistake to report,
    // not a reason to skip: only the checkout's neighbour may be absent.
    if let Ok(dir) = std::env::var("BACKCHANNEL_SHARED") {
        for (name, _) in DIGESTS {
            assert!(
                fs::metadata(format!("{dir}/source/{name}")).is_ok(),
                "BACKCHANNEL_SHARED={dir} has no source/{name}"
            );
        }
    }
}

#[test]
fn messages_are_verbatim_with_sender_and_caption() {
    let s = Sources::load();
    let mut checked = 0;
    for (file, story) in packs() {
        for m in &story.messages {
            let sender = &story.senders[m.sender_index];
            let who = surname(&sender.name);
            s.attributed(&m.text, who, 600);
            if !m.caption.is_empty() {
                s.attributed(&m.caption, who, 200);
            }
            eprintln!("{file}: message {} checked", m.id);
            checked += 1;
        }
    }
    // The built-in pack's three texts and the NATO pack's at least.
    assert!(checked >= 4, "only {checked} messages checked");
}

#[test]
fn expert_quotes_and_reported_speech_are_verbatim_and_attributed() {
    let s = Sources::load();
    let mut checked = 0;
    for (_, story) in packs() {
        for e in &story.experts {
            // The article names people by surname once introduced.
            let who = surname(&e.name);
            for q in &e.quotes {
                s.attributed(&q.text, who, 400);
                if !e.outlet.is_empty() {
                    assert!(
                        s.around(&q.text, 1200).contains(&e.outlet),
                        "{}: outlet {} not near",
                        e.name,
                        e.outlet
                    );
                }
                checked += 1;
            }
            for r in &e.reported {
                // Reported speech is verbatim from the article; it is
                // attributed by the surname beside it or by reporting.md's
                // table row for that expert, which summarises it.
                let near = s.around(&r.text, 400);
                assert!(
                    near.contains(who) || s.row_summarises(&e.name, &r.text),
                    "{}: \"{}\" is not attributed to them in the sources",
                    e.name,
                    r.text
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 8, "only {checked} quotations checked");
}

#[test]
fn observed_quotes_are_verbatim_and_near_their_source() {
    let s = Sources::load();
    let mut checked = 0;
    for (_, story) in packs() {
        for o in story.observed.iter().filter(|o| !o.quote.is_empty()) {
            let outlet = o.source.split([',', ' ']).next().unwrap();
            s.attributed(&o.quote, outlet, 300);
            checked += 1;
        }
    }
    assert!(checked >= 2, "only {checked} observed quotations checked");
}

#[test]
fn words_in_quotation_marks_inside_narration_are_verbatim() {
    let s = Sources::load();
    let mut checked = 0;
    for (file, story) in packs() {
        for (lang, strings) in &story.strings.0 {
            // A translation beside a quotation is ours and labelled so; the
            // quotation marks inside it mirror the original's.
            let narration = strings
                .0
                .iter()
                .filter(|(k, _)| !k.ends_with(".translation"));
            for (key, text) in narration {
                // English and Vietnamese quote with “…”, French with « … ».
                let curly = text.split('“').skip(1).filter_map(|t| t.split('”').next());
                let french = text.split('«').skip(1).filter_map(|t| t.split('»').next());
                for quoted in curly.chain(french) {
                    let quoted =
                        quoted.trim_matches(|c: char| c.is_whitespace() || c == '\u{202f}');
                    let _ = s.find(quoted);
                    checked += 1;
                    eprintln!("{file} {lang} {key}: “{quoted}” is verbatim");
                }
            }
        }
    }
    assert!(checked >= 4, "only {checked} quoted passages checked");
}

#[test]
fn a_changed_word_is_caught() {
    let s = Sources::load();
    let result = std::panic::catch_unwind(|| {
        s.find("The risk here is that what belongs in the private sphere is no longer certain to be private")
    });
    assert!(result.is_err());
    assert_ne!(fnv1a(b"one word"), fnv1a(b"one ward"));
}
