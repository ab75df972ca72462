//! Starting an explainer: from a story alone, or as a host's config asks
//! (its parameters, its own scenario, the beats it keeps, the scenario a
//! flip plays). Whatever the config, every message starts private: the flip
//! is the reader's.

use super::{Announcement, Explainer, LabLeak};
use crate::config::{Config, Setup, Theme};
use crate::error::InputError;
use crate::model::{Params, KEPT_PRIVATE};
use crate::story::Story;
use crate::words::Words;
use std::rc::Rc;

impl Explainer {
    /// Starts on the first beat, every message private, at the lead
    /// message's posting day, under the given parameters.
    pub fn new(story: Rc<Story>, params: Params, reduced_motion: bool) -> Result<Self, InputError> {
        let baseline = Self::simulate(&story, &params, &[])?;
        let message_runs = Self::message_runs_of(&story, &params)?;
        let candor0 = params.validate()?.candor0;
        let lead = story.lead();
        let lang = story.languages().next().unwrap_or("en").to_string();
        // The built-in English words until the host's language is set
        // (`speak`); a story told without English keeps its own strings on top.
        let words = Rc::new(story.words(&Words::english(), &lang));
        let mut e = Explainer {
            defaults: params,
            params,
            reduced_motion,
            beat: 0,
            posted: vec![false; story.messages.len()],
            chosen: None,
            custom: Vec::new(),
            extra: None,
            scenario: KEPT_PRIVATE.to_string(),
            events: Vec::new(),
            runs: vec![(KEPT_PRIVATE.to_string(), baseline.clone())],
            run: baseline.clone(),
            baseline,
            message_runs,
            candor0,
            playing: false,
            speed: 1.0,
            clock: f64::from(lead.day),
            lab: LabLeak {
                victim: lead.sender_index,
                sensitivity: lead.sensitivity,
            },
            visible: true,
            param_error: None,
            lang,
            words,
            theme: Theme::default(),
            language_error: None,
            announcement: Announcement::None,
            revision: 0,
            paired: None,
            story,
        };
        e.pair()?;
        Ok(e)
    }

    /// Starts as a host's config asks. Errors name the field.
    pub fn with_config(
        story: Story,
        config: &Config,
        reduced_motion: bool,
    ) -> Result<Self, InputError> {
        let setup = config.resolve(&story)?;
        Explainer::with_setup(story, &setup, reduced_motion)
    }

    /// Starts as a config already checked against this story asks.
    pub fn with_setup(
        story: Story,
        setup: &Setup,
        reduced_motion: bool,
    ) -> Result<Self, InputError> {
        let story = match &setup.beats {
            Some(keep) => story.with_beats(keep)?,
            None => story,
        };
        let mut e = Explainer::new(Rc::new(story), setup.params, reduced_motion)?;
        e.extra = setup.custom.clone();
        e.theme = setup.theme;
        // English interface words with the story's strings in the host's
        // language until its interface strings are at hand (the host then
        // speaks them: `speak`). `new` made them for the story's first
        // language already.
        if setup.lang != e.lang {
            let words = Rc::new(e.story.words(&Words::english(), &setup.lang));
            e.speak(&setup.lang, words)?;
        }
        if let Some(id) = &setup.scenario {
            e.choose(id)?;
        }
        e.refresh()?;
        e.pair()?;
        Ok(e)
    }

    /// Speaks `lang` in `words` from now on (at setup, or through
    /// `Action::SetLanguage`): both at once, never one without the other.
    pub fn speak(&mut self, lang: &str, words: Rc<Words>) -> Result<(), InputError> {
        crate::config::story_language(&self.story, "lang", lang)?;
        self.lang = lang.to_string();
        self.words = words;
        Ok(())
    }
}
