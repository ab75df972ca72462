//! The built-in story as the wasm carries it: read, checked and written at
//! build time into the compact form of `codec` (`builtin.bin`, written by
//! `cargo run --bin bake -- --write`; a native test fails when it is not
//! what the pack and the code make now). Start-up decodes it: no JSON is
//! parsed and no check runs before the explainer is ready. Its strings are
//! English only: the other languages' come with their interface strings
//! (dist/locales/<code>.json), named here so the language control offers them.

use super::{Beat, Expert, Message, Observed, Pack, Problems, Quote, Sender, Story};
use super::{StoryEvent, StoryScenario, View};
use crate::codec::{self, record, Decode, Reader};
use crate::error::InputError;

record!(Sender {
    id,
    name,
    short_name,
    weight
});
record!(Message { id, sender, recipient, sent, posted, platform, poster, poster_handle, caption, text, lang, source, sensitivity, scenario, other_reading } computed { sender_index, day });
record!(Quote { text, lang, source });
record!(Expert {
    id,
    name,
    outlet,
    quotes,
    reported,
    outputs
});
record!(Observed {
    id,
    date,
    approximate,
    quote,
    lang,
    source
});
record!(StoryScenario { id, events });
record!(StoryEvent {
    message,
    date,
    sender,
    sensitivity
});
record!(Beat {
    id,
    view,
    message,
    against,
    experts,
    observed
});
record!(Pack {
    schema,
    id,
    day0,
    horizon,
    leaker,
    senders,
    messages,
    experts,
    observed,
    scenarios,
    beats,
    params,
    strings
});

/// Every view, in the order of their bytes.
const VIEWS: [View; 6] = [
    View::Act,
    View::Network,
    View::Experts,
    View::Compare,
    View::Observed,
    View::Lab,
];

impl Decode for View {
    fn decode(r: &mut Reader) -> Self {
        codec::one_of(r, &VIEWS)
    }
}

impl codec::Encode for View {
    fn encode(&self, out: &mut Vec<u8>) {
        codec::put_one_of(self, &VIEWS, out);
    }
}

/// The baked built-in story (see the module's comment).
#[cfg(target_arch = "wasm32")]
const BAKED: &[u8] = include_bytes!("builtin.bin");

/// A checked story as bytes `unbake` reads (a host's pack, whole).
pub fn bake(story: &Story) -> Vec<u8> {
    bake_with(story, story.pack())
}

/// The built-in story as the wasm carries it: its strings in English only,
/// the other languages named to come with their interface strings.
pub fn bake_builtin(story: &Story) -> Vec<u8> {
    let mut pack = story.pack().clone();
    pack.strings.0.retain(|(lang, _)| lang == "en");
    bake_with(story, &pack)
}

/// `pack` (the story's, or fewer of its strings), and the languages the
/// story is told in whose strings it lacks: they come later.
fn bake_with(story: &Story, pack: &Pack) -> Vec<u8> {
    let deferred: Vec<String> = story
        .languages()
        .filter(|l| pack.strings.get(l).is_none())
        .map(String::from)
        .collect();
    codec::encode(&(pack, deferred))
}

/// Reads what `bake` wrote back into the story it was made from (less the
/// languages left out). The bytes were checked when baked; bytes that do
/// not read (a build mistake, or a damaged copy) are refused like a pack,
/// the caller naming it (`pack`).
pub fn unbake(bytes: &[u8]) -> Result<Story, Problems> {
    let (pack, deferred): (Pack, Vec<String>) = codec::decode(bytes)
        .ok_or_else(|| InputError::new("", "its baked bytes do not read (rebuild it)"))?;
    Story::trusted(pack, deferred)
}

/// The built-in story, from the bytes baked into the wasm.
#[cfg(target_arch = "wasm32")]
pub fn builtin() -> Result<Story, Problems> {
    unbake(BAKED)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_baked_story_is_the_built_in_one_in_english() {
        let story = Story::builtin().unwrap();
        let read = unbake(&bake_builtin(&story)).unwrap();
        let mut english = story.pack().clone();
        english.strings.0.retain(|(lang, _)| lang == "en");
        assert_eq!(read.pack(), &english);
        assert_eq!(read.resolved(), story.resolved());
        let languages: Vec<&str> = read.languages().collect();
        assert_eq!(languages, story.languages().collect::<Vec<_>>());
        assert!(read.speaks("fr") && read.speaks("vi") && read.strings.get("fr").is_none());
    }

    #[test]
    fn the_committed_bytes_are_current() {
        let baked = bake_builtin(&Story::builtin().unwrap());
        let committed = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/story/builtin.bin"
        ))
        .unwrap_or_default();
        assert!(
            committed == baked,
            "src/story/builtin.bin is not what the built-in pack bakes to now: run `cargo run --bin bake -- --write`"
        );
    }

    #[test]
    fn a_pack_reads_back_whole() {
        let story = Story::builtin().unwrap();
        let read = unbake(&bake(&story)).unwrap();
        assert_eq!(read, story);
    }

    #[test]
    fn every_view_reads_back() {
        for view in VIEWS {
            assert_eq!(codec::decode::<View>(&codec::encode(&view)), Some(view));
        }
        assert_eq!(codec::decode::<View>(&[6]), None);
    }

    #[test]
    fn damaged_bytes_are_refused_not_a_panic() {
        let baked = bake(&Story::builtin().unwrap());
        for cut in [0, 1, baked.len() / 2, baked.len() - 1] {
            let e = unbake(&baked[..cut]).unwrap_err();
            let e = e.summary().at("pack");
            assert_eq!(
                e.to_string(),
                "pack: its baked bytes do not read (rebuild it)"
            );
        }
    }
}
