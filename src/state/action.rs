//! What the reader (or the host page) can do to one explainer, what the live
//! region says afterwards, and the pace of the clock.

use crate::model::ParamId;
use crate::words::Words;
use std::rc::Rc;

/// Playback pace at 1×: ten model days per second, about three seconds per
/// month (look.md: "a few seconds per month of model time").
pub const DAYS_PER_SECOND: f64 = 10.0;

/// Playback speeds the reader can choose.
pub const SPEEDS: [f64; 4] = [0.5, 1.0, 2.0, 4.0];

/// Levels of the room for compromise whose crossing during playback the
/// live region says (a few words at a moment that matters, never every frame).
pub const COMPROMISE_MARKS: [f64; 2] = [0.5, 0.25];

/// How long after a post the explainer shows its effects when nothing plays
/// (reduced motion, the experts' beat): about five months, when the quiet
/// erosion of the channels has shown.
pub const SETTLED_DAYS: u32 = 150;

/// What the reader (or the host page) can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Post the message in view (true) or take it back (false).
    SetPublic(bool),
    /// Flip the message in view: the switch. Resolved against the state
    /// when it is applied, so two taps before a render flip it twice.
    TogglePublic,
    /// Make exactly these messages public (by index in the story) and the
    /// others private: a comparison's "show this" buttons.
    PostOnly(Vec<usize>),
    /// Show a scenario by id.
    SelectScenario(String),
    /// Start playback; from the start again if it had finished.
    Play,
    /// Stop playback where it is.
    Pause,
    /// Play if paused, pause if playing (the play button, Space), against
    /// the state when it is applied.
    TogglePlay,
    /// Let `ms` milliseconds of playback pass (sent by the animation loop).
    Advance { ms: f64 },
    /// Jump to a day (clamped to the timeline).
    Seek(f64),
    /// Pause and move one day back (-1) or forward (+1).
    Step(i32),
    /// Playback speed multiplier (one of `SPEEDS`).
    SetSpeed(f64),
    /// Change one model parameter.
    SetParam(ParamId, f64),
    /// Every parameter back to the story's (and the host's) values.
    ResetParams,
    /// Show beat `n` of the story (clamped).
    GoToBeat(usize),
    /// Show the beat `delta` from the one in view (clamped): Next and Back,
    /// counted from the state when it is applied, so two quick presses move
    /// two steps even before the first is rendered.
    MoveBeat(i32),
    /// Choose who the reader's next leak exposes.
    SetVictim(usize),
    /// Choose how sensitive the reader's next leak is (0–1).
    SetSensitivity(f64),
    /// Add a leak of the chosen victim and sensitivity at the current day.
    AddLeak,
    /// Remove the reader's leaks: back to no leak at all.
    ClearLeaks,
    /// The explainer scrolled into or out of view, or its tab was hidden.
    SetVisible(bool),
    /// Speak another language (a code of `words::LANGUAGES` the story has
    /// strings in), in its words (the interface's, the story's on top); the
    /// day, the scenario and the flips stay. One action, so one render.
    SetLanguage(String, Rc<Words>),
    /// Another language's strings could not be loaded (the reason); the
    /// language stays as it was.
    LanguageFailed(String),
    /// The reader saved the view as an image (for the live region).
    Exported,
}

/// What the live region should tell a screen-reader user after an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Announcement {
    None,
    WentPublic,
    WentPrivate,
    /// Playback reached the end (on that day).
    Finished(u32),
    Scenario,
    /// The reader added a leak on that day.
    LeakAdded(u32),
    /// Playback took the room for compromise across one of
    /// `COMPROMISE_MARKS` (its index) on that day, downwards or back up.
    Compromise {
        day: u32,
        mark: usize,
        below: bool,
    },
    ParamsChanged,
    Beat,
    /// The explainer now speaks another language.
    Language,
    /// The view on that day was saved as an image.
    Exported(u32),
    /// A language the reader chose could not be loaded.
    LanguageFailed,
}

/// The reader's next leak in the lab.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabLeak {
    /// Index of the sender whose message is leaked.
    pub victim: usize,
    /// Sensitivity of the leaked content, 0–1.
    pub sensitivity: f64,
}
