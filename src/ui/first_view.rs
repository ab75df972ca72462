//! The explainer's first view (its first step, every message private, the
//! numbers it starts with), rendered natively by yew's server renderer from
//! the live root component itself, so it cannot drift from what the wasm
//! draws. `make dist` (src/bin/story.rs) puts it into the embed codes and the
//! iframe page: readers see the act at HTML parse, before the wasm is ready,
//! and the live explainer takes its place with nothing moving.

use super::{App, AppProps};
use crate::config::Config;
use crate::error::InputError;
use crate::state::Explainer;
use crate::store::Store;
use crate::story::Story;
use crate::words::Words;
use std::rc::Rc;

/// The first view's HTML in `lang`, as an element started with that
/// language (and `scenario`, if the element names one) and the light theme
/// draws it. Motion is not reduced: the first view is the same either way.
pub fn render(
    story: &Story,
    words: Rc<Words>,
    lang: &str,
    scenario: Option<&str>,
) -> Result<String, InputError> {
    let config = Config {
        lang: Some(lang.to_string()),
        scenario: scenario.map(str::to_string),
        ..Config::default()
    };
    let setup = config.resolve(story)?;
    let mut explainer = Explainer::with_setup(story.clone(), &setup, false)?;
    explainer.speak(lang, words)?;
    let props = AppProps {
        store: Store::new(explainer),
        on_ready: Default::default(),
        on_language: Default::default(),
    };
    Ok(super::ssr::render::<App>(props))
}
