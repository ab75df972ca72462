//! The host page's handle on one explainer, found at `element.backchannel`
//! (tearing it down: `live.rs`).

use super::language;
use super::live::{tear_down, Slot};
use super::options::{self, Checked};
use super::{refuse, show, start};
use crate::export::{svg, Size, Theme};
use crate::model::ParamId;
use crate::state::Action;
use crate::store::Store;
use wasm_bindgen::prelude::*;

/// What `exportSvg` may be asked for.
#[derive(Default)]
struct ExportOptions {
    theme: Option<String>,
    size: Option<String>,
}

impl ExportOptions {
    /// Reads `{ theme?, size? }` by hand (the explainer's wasm carries no
    /// serde reader); refuses any other field and a value that is not text.
    fn read(options: &JsValue) -> Result<ExportOptions, String> {
        let mut asked = ExportOptions::default();
        for (key, value) in crate::read::strings_of(options).map_err(|e| e.to_string())? {
            let slot = match key.as_str() {
                "theme" => &mut asked.theme,
                "size" => &mut asked.size,
                _ => return Err(format!("unknown field `{key}`, expected `theme` or `size`")),
            };
            *slot = Some(value);
        }
        Ok(asked)
    }
}

/// The host page's handle on one explainer, found at `element.backchannel`.
/// Methods that can be refused throw an `Error` whose message names the
/// parameter or field at fault; after `destroy()` every method but `destroy`
/// throws.
#[wasm_bindgen]
pub struct Handle {
    live: Slot,
}

impl Handle {
    pub(super) fn new(live: Slot) -> Handle {
        Handle { live }
    }

    /// The store, cloned out so no borrow is held while an action runs (an
    /// action's event may reach a host listener that calls `destroy`).
    fn store(&self) -> Result<Store, JsError> {
        match self.live.borrow().as_ref() {
            None => Err(JsError::new("backchannel: this explainer was destroyed")),
            Some(l) => l.store.clone().ok_or_else(|| {
                JsError::new("backchannel: no story is shown (the last pack was refused)")
            }),
        }
    }

    fn act(&self, action: Action) -> Result<(), JsError> {
        self.store()?
            .dispatch(action)
            .map_err(|e| JsError::new(&e.to_string()))
    }
}

#[wasm_bindgen]
impl Handle {
    /// `{ public, scenario, day, playing, beat, speed, outputs: {...} }`, current at the call.
    pub fn state(&self) -> Result<JsValue, JsError> {
        let snapshot = self.store()?.snapshot();
        serde_wasm_bindgen::to_value(&snapshot).map_err(|e| JsError::new(&e.to_string()))
    }

    /// Makes the message in view public (true) or private (false).
    #[wasm_bindgen(js_name = setPublic)]
    pub fn set_public(&self, public: bool) -> Result<(), JsError> {
        self.act(Action::SetPublic(public))
    }

    /// The scenarios on offer: `[{ id, events: [{ day, sender, sensitivity }] }]`.
    pub fn scenarios(&self) -> Result<JsValue, JsError> {
        let scenarios = self.store()?.read(|s| s.scenarios());
        serde_wasm_bindgen::to_value(&scenarios).map_err(|e| JsError::new(&e.to_string()))
    }

    /// Chooses a scenario by id; throws for an unknown id. A story step
    /// shows what its own message sets in motion, so the choice may not show
    /// on the step in view: it is kept for where it applies, and the console
    /// says so rather than the call doing nothing visible.
    #[wasm_bindgen(js_name = selectScenario)]
    pub fn select_scenario(&self, id: &str) -> Result<(), JsError> {
        let store = self.store()?;
        store
            .dispatch(Action::SelectScenario(id.to_string()))
            .map_err(|e| JsError::new(&e.to_string()))?;
        let (beat, shown) = store.read(|e| (e.beat().1.id.clone(), e.scenario().to_string()));
        if shown != id {
            web_sys::console::warn_1(
                &format!(
                    "backchannel: selectScenario(\"{id}\") is kept, but step \"{beat}\" shows \"{shown}\": \
                     the choice applies in the lab, and on a step whose message it posts once that message is made public"
                )
                .into(),
            );
        }
        Ok(())
    }

    /// Jumps to a model day (clamped to the timeline).
    pub fn seek(&self, day: f64) -> Result<(), JsError> {
        self.act(Action::Seek(day))
    }

    /// Starts playback.
    pub fn play(&self) -> Result<(), JsError> {
        self.act(Action::Play)
    }

    /// Stops playback.
    pub fn pause(&self) -> Result<(), JsError> {
        self.act(Action::Pause)
    }

    /// The view on screen as SVG text (src/export.rs): `{ theme, size }`,
    /// both optional: `light` or `dark` (the explainer's theme by default),
    /// `social` (1200 × 675, the default) or `column` (600 wide). The same
    /// state gives the same bytes as `cargo run --bin render`.
    #[wasm_bindgen(js_name = exportSvg)]
    pub fn export_svg(&self, options: JsValue) -> Result<String, JsError> {
        let store = self.store()?;
        let asked: ExportOptions = if options.is_undefined() || options.is_null() {
            ExportOptions::default()
        } else {
            ExportOptions::read(&options)
                .map_err(|e| JsError::new(&format!("backchannel: exportSvg: {e}")))?
        };
        let theme = match asked.theme.as_deref() {
            Some(t) => Theme::of_image(t).ok_or_else(|| {
                JsError::new(&format!(
                    "backchannel: exportSvg: theme \"{t}\" is not light or dark"
                ))
            })?,
            None => crate::ui::download::image_theme(store.read(|e| e.theme())),
        };
        let size = match asked.size.as_deref() {
            Some(s) => Size::parse(s).ok_or_else(|| {
                JsError::new(&format!(
                    "backchannel: exportSvg: size \"{s}\" is not social or column"
                ))
            })?,
            None => Size::Social,
        };
        Ok(store.read(|e| svg(e, theme, size)))
    }

    /// Shows the explainer in another language (`en`, `fr`, `vi`, among those
    /// the story has strings in), keeping the day, the scenario and what the
    /// reader made public. Returns a promise that resolves once the words are
    /// on screen (a language not used yet is fetched first) and rejects with
    /// the reason; throws at once for a language the story cannot be read in.
    #[wasm_bindgen(js_name = setLanguage)]
    pub fn set_language(&self, code: &str) -> Result<js_sys::Promise, JsError> {
        language::switch(&self.live, code).map_err(|e| JsError::new(&format!("backchannel: {e}")))
    }

    /// For the loader: the file of a language asked for has arrived (its
    /// text is the loader's `localeText(code)`); throws if it does not read.
    #[wasm_bindgen(js_name = __languageLoaded)]
    pub fn language_loaded(&self, code: &str) -> Result<(), JsError> {
        language::loaded(&self.live, code).map_err(|e| JsError::new(&format!("backchannel: {e}")))
    }

    /// For the loader: the file of a language asked for could not be fetched.
    #[wasm_bindgen(js_name = __languageFailed)]
    pub fn language_failed(&self, code: &str, reason: &str) {
        language::failed(&self.live, code, reason);
    }

    /// Changes a model parameter by id; throws the validation message.
    #[wasm_bindgen(js_name = setParam)]
    pub fn set_param(&self, id: &str, value: f64) -> Result<(), JsError> {
        let id = ParamId::from_key(id)
            .ok_or_else(|| JsError::new(&format!("{id}: unknown parameter")))?;
        self.act(Action::SetParam(id, value))
    }

    /// Every parameter back to the story's and the config's values.
    #[wasm_bindgen(js_name = resetParams)]
    pub fn reset_params(&self) -> Result<(), JsError> {
        self.act(Action::ResetParams)
    }

    /// Tells the explainer whether it is on screen (the loader calls this
    /// from its IntersectionObserver and on tab visibility changes).
    #[wasm_bindgen(js_name = setVisible)]
    pub fn set_visible(&self, visible: bool) -> Result<(), JsError> {
        self.act(Action::SetVisible(visible))
    }

    /// Shows beat `n` of the story (0-based, clamped).
    #[wasm_bindgen(js_name = goToBeat)]
    pub fn go_to_beat(&self, n: u32) -> Result<(), JsError> {
        self.act(Action::GoToBeat(n as usize))
    }

    /// For the loader's `loadPack(pack)`, which has the pack reader check
    /// the pack first (`checkPack`): tells that story (`{ bytes }`) or shows
    /// why not (`{ refused }`). The explainer starts over under the
    /// element's config, and `backchannel:ready` fires again once it is
    /// shown. A refused pack shows its problem in the element, logs it,
    /// dispatches `backchannel:error` and throws; a later good pack shows
    /// again.
    #[wasm_bindgen(js_name = __showPack)]
    pub fn show_pack(&self, checked: JsValue) -> Result<(), JsError> {
        let pack = Checked::read(&checked)
            .ok_or_else(|| JsError::new("backchannel: loadPack: the pack reader gave nothing"))?;
        self.restart(Some(pack), None)
    }

    /// For the loader: the element's attributes or properties changed after
    /// mount (`{ config?, pack?, scenario?, lang?, theme? }`, as `mount`
    /// takes them; or `{ field, problem }`, a config or pack URL that did not
    /// load). The explainer starts over under them, on the step it showed
    /// and with that step's message public or private as the reader left
    /// it, where the story still has that step; a refusal shows as
    /// `loadPack`'s does.
    #[wasm_bindgen(js_name = __remount)]
    pub fn remount(&self, options: JsValue) -> Result<(), JsError> {
        self.restart(None, Some(options))
    }

    fn restart(&self, pack: Option<Checked>, options: Option<JsValue>) -> Result<(), JsError> {
        let started = {
            let mut slot = self.live.borrow_mut();
            let live = slot
                .as_mut()
                .ok_or_else(|| JsError::new("backchannel: this explainer was destroyed"))?;
            // A config or pack URL that did not load: refused as a pack is.
            let unloaded = options.as_ref().and_then(options::refusal);
            let pack = unloaded.map(Checked::Refused).or(pack);
            if let Some(o) = &options {
                live.options.update(o);
                // Its language at hand first, as at mount: no English between.
                live.locales.preload(live.options.locale.as_ref());
            }
            // What the reader did: the step in view and its message's side.
            let kept = options.as_ref().and(
                live.store
                    .as_ref()
                    .map(|s| s.read(|e| (e.beat().1.id.clone(), e.public()))),
            );
            let story = match pack {
                Some(pack) => pack.story(),
                None => live.options.story(),
            };
            story
                .and_then(|story| start(&live.options, &live.locales, story))
                .map(|(mut explainer, pending)| {
                    if let Some((beat, public)) = kept {
                        let at = explainer.story().beats.iter().position(|b| b.id == beat);
                        if let Some(n) = at {
                            let _ = explainer.reduce(Action::GoToBeat(n));
                            let _ = explainer.reduce(Action::SetPublic(public));
                        }
                    }
                    (explainer, pending)
                })
        };
        match started {
            Ok((explainer, pending)) => {
                show(&self.live, explainer, pending);
                Ok(())
            }
            Err(e) => {
                refuse(&self.live, &e);
                Err(JsError::new(&e.to_string()))
            }
        }
    }

    /// Unmounts the explainer and frees what it holds: the element is left
    /// empty and `element.backchannel` is removed. Safe to call twice.
    pub fn destroy(&self) {
        tear_down(&self.live);
    }
}

/// Compiled only into the test build (`make test-hooks`, feature
/// `test-hooks`), never into what ships.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen]
impl Handle {
    /// Panics inside this explainer's wasm instance, to show that a crash
    /// stays in its own box (tests/e2e/robust.test.js). The explainer is
    /// replaced by a readable error; nothing else is touched.
    #[wasm_bindgen(js_name = __panicForTest)]
    pub fn panic_for_test(&self) {
        panic!("a panic the host page asked for, to test containment");
    }
}
