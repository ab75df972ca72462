//! The checked story: what a pack becomes once it passed every check, and
//! the only way there (`Pack::checked`).

use super::{check, resolve, Pack};
use crate::error::InputError;
use crate::model::{Params, Scenario, Senders};
use crate::words::Words;

/// A pack that passed every check, with what checking worked out. Only
/// `Pack::checked` makes one, so what takes a `Story` (the reducer, the
/// views, the image writer) never meets an unchecked pack; it reads the
/// pack's fields through `Deref` and cannot change them.
///
/// Neither builds nor changes a story outside this module:
/// ```compile_fail
/// # use backchannel::story::{Pack, Story};
/// fn unchecked(pack: Pack) -> Story {
///     Story { pack, resolved: Default::default(), deferred: Vec::new() }
/// }
/// ```
/// ```compile_fail
/// # use backchannel::story::Story;
/// fn emptied(mut story: Story) {
///     story.beats.clear();
/// }
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    pack: Pack,
    /// Indices, model days, runs, parameters.
    resolved: Resolved,
    /// Languages the story is told in whose strings come later, with the
    /// interface strings (the built-in story in the wasm: see `BUILTIN`).
    deferred: Vec<String>,
}

impl std::ops::Deref for Story {
    type Target = Pack;

    fn deref(&self) -> &Pack {
        &self.pack
    }
}

/// What checking a pack works out once, for the explainer to use.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    /// The senders' weights, as the model takes them.
    pub senders: Senders,
    /// Every scenario with its leaks in model terms.
    pub scenarios: Vec<Scenario>,
    /// The default parameters with the pack's overrides.
    pub params: Params,
}

impl Default for Resolved {
    fn default() -> Self {
        Resolved {
            senders: Senders::equal(1),
            scenarios: Vec::new(),
            params: Params::default(),
        }
    }
}

/// Every problem found in a pack, each with its path; never empty.
#[derive(Clone, Debug, PartialEq)]
pub struct Problems(pub Vec<InputError>);

impl Problems {
    /// The first problem, and how many more there are, in one line.
    pub fn summary(&self) -> InputError {
        let first = self
            .0
            .first()
            .cloned()
            .unwrap_or_else(|| InputError::new("", "refused"));
        match self.0.len() {
            0 | 1 => first,
            n => InputError::new(
                first.path,
                format!(
                    "{} (and {} more problems: run validate-pack or open pack-editor.html)",
                    first.problem,
                    n - 1
                ),
            ),
        }
    }
}

impl From<InputError> for Problems {
    fn from(e: InputError) -> Self {
        Problems(vec![e])
    }
}

impl Story {
    /// Reads, checks and resolves a pack's JSON text.
    pub fn parse(text: &str) -> Result<Story, Problems> {
        crate::read::parse::<Pack>(text)?.checked()
    }

    /// Reads a pack the host page passed as a JavaScript object.
    #[cfg(target_arch = "wasm32")]
    pub fn from_js(value: wasm_bindgen::JsValue) -> Result<Story, Problems> {
        crate::read::from_js::<Pack>(value)?.checked()
    }

    /// The built-in story. A failure here is a build mistake (native tests
    /// read the same file), shown like any refused pack. In the wasm, from
    /// the bytes baked at build time (`baked.rs`): nothing to parse or check.
    pub fn builtin() -> Result<Story, Problems> {
        #[cfg(target_arch = "wasm32")]
        return super::baked::builtin();
        #[cfg(not(target_arch = "wasm32"))]
        Story::parse(super::BUILTIN)
    }

    /// A story from a pack checked before it got here (baked at build time:
    /// `baked.rs`), told in the languages of its strings and `deferred`.
    pub(super) fn trusted(mut pack: Pack, deferred: Vec<String>) -> Result<Story, Problems> {
        let resolved = resolve::resolve(&mut pack).map_err(Problems::from)?;
        Ok(Story {
            pack,
            resolved,
            deferred,
        })
    }

    /// The pack as it was read (what `validate-pack --normalize` writes).
    pub fn pack(&self) -> &Pack {
        &self.pack
    }

    /// The interface strings of `lang` with this story's strings in that
    /// language on top (the story's win). Here, not in `words`: the story
    /// reads words (its checks), and words know nothing of stories.
    pub fn words(&self, interface: &Words, lang: &str) -> Words {
        let strings = self.strings.get(lang).map_or(&[][..], |s| &s.0[..]);
        Words::with_story(interface, strings)
    }

    /// What checking worked out.
    pub fn resolved(&self) -> &Resolved {
        &self.resolved
    }

    /// The story told with only the beats in `keep` (a host's config), in
    /// the pack's order. Nothing checking worked out refers to a beat, so
    /// the rest holds as checked, and a story keeps at least one beat (what
    /// the reducer counts on): keeping none is refused.
    pub fn with_beats(mut self, keep: &[String]) -> Result<Story, InputError> {
        self.pack.beats.retain(|b| keep.contains(&b.id));
        if self.pack.beats.is_empty() {
            return Err(InputError::new(
                "config.beats",
                "keeps none of the story's beats",
            ));
        }
        Ok(self)
    }

    /// The scenario with this id, in model terms.
    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.resolved.scenarios.iter().find(|s| s.id == id)
    }

    /// The languages a reader can switch between: the interface's that the
    /// story is told in, in the interface's order.
    pub fn interface_languages(&self) -> Vec<&'static str> {
        crate::words::LANGUAGES
            .iter()
            .copied()
            .filter(|l| self.speaks(l))
            .collect()
    }

    /// Whether the story can be told in `lang` (its strings here, or to come).
    pub fn speaks(&self, lang: &str) -> bool {
        self.strings.get(lang).is_some() || self.deferred.iter().any(|l| l == lang)
    }

    /// The languages the pack has strings for (here, or to come).
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.strings
            .keys()
            .chain(self.deferred.iter().map(String::as_str))
    }
}

impl Pack {
    /// Checks every rule a pack must keep, reporting every problem at once,
    /// then works out what the explainer needs: the only way to a `Story`.
    pub fn checked(mut self) -> Result<Story, Problems> {
        let problems = check::problems(&self);
        if !problems.is_empty() {
            return Err(Problems(problems));
        }
        let resolved = resolve::resolve(&mut self).map_err(Problems::from)?;
        Ok(Story {
            pack: self,
            resolved,
            deferred: Vec::new(),
        })
    }
}
