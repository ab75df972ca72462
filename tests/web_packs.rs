//! Story packs in the browser (wasm-bindgen-test, headless Chromium): read
//! from JavaScript values through serde-wasm-bindgen, they equal the same
//! packs read natively, name their paths, refuse unknown fields, survive
//! random damage without a panic, and can be loaded into a running explainer.
#![cfg(target_arch = "wasm32")]

use backchannel::story::{Pack, Problems, Story, BUILTIN};
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/dom.rs"]
mod dom;
use dom::{find, host, settle};

fn builtin_value() -> JsValue {
    JSON::parse(BUILTIN).unwrap()
}

fn paths(value: JsValue) -> Vec<String> {
    match Story::from_js(value) {
        Ok(_) => Vec::new(),
        Err(Problems(p)) => p.into_iter().map(|e| e.path).collect(),
    }
}

/// The value at a path of keys (numbers for list items).
fn at(value: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(value.clone(), |v, k| {
        Reflect::get(&v, &(*k).into()).unwrap()
    })
}

#[wasm_bindgen_test]
fn a_pack_read_from_a_javascript_value_equals_the_builtin_story() {
    let from_js = Story::from_js(builtin_value()).expect("the built-in pack as a JS object");
    let builtin = Story::builtin().unwrap();
    // The wasm's copy (baked: src/story/baked.rs) has English strings only;
    // the others come with their language's file.
    assert_eq!(builtin.strings.keys().collect::<Vec<_>>(), ["en"]);
    assert_eq!(builtin.languages().collect::<Vec<_>>(), ["en", "fr", "vi"]);
    assert_eq!(from_js.languages().collect::<Vec<_>>(), ["en", "fr", "vi"]);
    let mut english = from_js.pack().clone();
    english.strings.0.retain(|(lang, _)| lang == "en");
    assert_eq!(&english, builtin.pack());
    assert_eq!(from_js.resolved(), builtin.resolved());
}

#[wasm_bindgen_test]
fn problems_name_their_paths_in_the_browser_too() {
    let v = builtin_value();
    Reflect::delete_property(
        at(&v, &["messages", "1"]).unchecked_ref::<Object>(),
        &"source".into(),
    )
    .unwrap();
    assert_eq!(paths(v), ["messages[1].source"]);

    let v = builtin_value();
    Reflect::set(
        &at(&v, &["messages", "0"]),
        &"sensitivity".into(),
        &2.into(),
    )
    .unwrap();
    Reflect::set(
        &at(&v, &["beats", "3"]),
        &"message".into(),
        &"nobody".into(),
    )
    .unwrap();
    assert_eq!(paths(v), ["messages[0].sensitivity", "beats[3].message"]);

    let v = builtin_value();
    Reflect::set(&v, &"horizon".into(), &"soon".into()).unwrap();
    assert_eq!(paths(v), ["horizon"]);
}

#[wasm_bindgen_test]
fn unknown_fields_are_refused_in_the_browser_as_natively() {
    let v = builtin_value();
    Reflect::set(&at(&v, &["beats", "1"]), &"colour".into(), &"red".into()).unwrap();
    let problems = match Story::from_js(v) {
        Err(Problems(p)) => p,
        Ok(_) => panic!("an unknown field was accepted"),
    };
    assert_eq!(problems[0].path, "beats[1].colour");
    assert!(
        problems[0].problem.starts_with("unknown field"),
        "{}",
        problems[0]
    );
}

/// The problems with a pack, as `path: problem` lines.
fn problems(value: JsValue) -> Vec<String> {
    match Story::from_js(value) {
        Ok(_) => Vec::new(),
        Err(Problems(p)) => p.iter().map(|e| e.to_string()).collect(),
    }
}

#[wasm_bindgen_test]
fn lists_and_objects_of_the_wrong_type_are_named_by_kind_and_a_list_is_no_map() {
    // A list where the pack (an object) belongs, as natively.
    let list = JSON::parse("[[\"senders\", []]]").unwrap();
    let found = problems(list);
    assert!(
        found[0].contains("expected an object, got a list"),
        "{found:?}"
    );

    // A pack's strings given as [key, value] pairs are refused, not read as a map.
    let v = builtin_value();
    Reflect::set(
        &v,
        &"strings".into(),
        &JSON::parse("[[\"en\", {}]]").unwrap(),
    )
    .unwrap();
    let found = problems(v);
    assert!(
        found[0].starts_with("strings: expected an object, got a list"),
        "{found:?}"
    );

    // A text nested 10,000 deep is named by its kind, never dumped (which
    // recursed through all of it and overflowed the stack).
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let v = builtin_value();
    Reflect::set(
        &at(&v, &["messages", "0"]),
        &"text".into(),
        &JSON::parse(&deep).unwrap(),
    )
    .unwrap();
    assert_eq!(
        problems(v),
        ["messages[0].text: expected a string, got a list"]
    );
    let v = builtin_value();
    Reflect::set(&at(&v, &["messages", "0"]), &"text".into(), &Object::new()).unwrap();
    assert_eq!(
        problems(v),
        ["messages[0].text: expected a string, got an object"]
    );
}

/// Every (container, key) place in a JS value.
fn places(v: &JsValue, out: &mut Vec<(JsValue, JsValue)>) {
    if Array::is_array(v) {
        let a: &Array = v.unchecked_ref();
        for i in 0..a.length() {
            out.push((v.clone(), i.into()));
            places(&a.get(i), out);
        }
    } else if v.is_object() {
        for key in Object::keys(v.unchecked_ref::<Object>()).iter() {
            out.push((v.clone(), key.clone()));
            places(&Reflect::get(v, &key).unwrap(), out);
        }
    }
}

/// A small deterministic generator (xorshift), so a failure repeats.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Damages a pack in one to three random places: a value removed, or
/// replaced by one of another type, a changed string or an empty one.
fn damage(rng: &mut Rng, v: &JsValue) {
    for _ in 0..1 + rng.below(3) {
        let mut all = Vec::new();
        places(v, &mut all);
        let (container, key) = &all[rng.below(all.len())];
        let old = Reflect::get(container, key).unwrap();
        let new: Option<JsValue> = match rng.below(4) {
            0 => None,
            1 => Some(if old.is_string() {
                7.into()
            } else {
                "seven".into()
            }),
            2 => Some(
                old.as_string()
                    .map_or(old.clone(), |s| format!("{s}-broken").into()),
            ),
            _ => Some(if old.is_string() {
                "".into()
            } else {
                Array::new().into()
            }),
        };
        match new {
            Some(x) => {
                Reflect::set(container, key, &x).unwrap();
            }
            None if Array::is_array(container) => {
                container.unchecked_ref::<Array>().splice(
                    key.as_f64().unwrap() as u32,
                    1,
                    &JsValue::UNDEFINED,
                );
            }
            None => {
                Reflect::delete_property(container.unchecked_ref::<Object>(), key).unwrap();
            }
        }
    }
}

#[wasm_bindgen_test]
fn random_damage_is_refused_with_paths_or_accepted_never_a_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut refused = 0;
    for _ in 0..300 {
        let v = builtin_value();
        damage(&mut rng, &v);
        if let Err(Problems(problems)) = Story::from_js(v) {
            refused += 1;
            assert!(problems
                .iter()
                .all(|p| !p.path.is_empty() && !p.problem.is_empty()));
        }
    }
    // Most damage breaks a rule; some (an empty caption, say) does not.
    assert!(refused > 200, "only {refused} of 300 damaged packs refused");
}

/// The browser's reader (the vendored serde-wasm-bindgen, which tracks paths
/// itself) names the same path as the native one (serde_path_to_error over
/// serde_json) for the same damaged pack.
#[wasm_bindgen_test]
fn the_browser_reader_names_the_same_path_as_the_native_one() {
    use serde::Deserialize;
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut refused = 0;
    for _ in 0..400 {
        let v = builtin_value();
        damage(&mut rng, &v);
        // Through JSON text, so both read the same data (`undefined` in a
        // list becomes `null`).
        let text = String::from(JSON::stringify(&v).unwrap());
        let browser = Pack::deserialize(serde_wasm_bindgen::Deserializer::from(
            JSON::parse(&text).unwrap(),
        ))
        .err()
        .map(|e| e.path());
        let native = serde_path_to_error::deserialize::<_, Pack>(
            &mut serde_json::Deserializer::from_str(&text),
        )
        .err()
        .map(|e| e.path().to_string());
        assert_eq!(browser, native, "{text}");
        refused += usize::from(native.is_some());
    }
    // The types refuse most damage before any rule is checked.
    assert!(refused > 150, "only {refused} of 400 damaged packs refused");
}

/// What the loader's `loadPack(pack)` does: the pack reader checks the
/// pack (`checkPack`, here in the same wasm), the explainer shows what it
/// gave (`__showPack`).
fn load_pack(handle: &JsValue, pack: JsValue) -> Result<JsValue, JsValue> {
    call(
        handle,
        "__showPack",
        &[backchannel::reader::check_pack(pack)],
    )
}

fn call(handle: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f = Reflect::get(handle, &method.into())
        .unwrap()
        .unchecked_into::<js_sys::Function>();
    let args: Array = args.iter().collect();
    f.apply(handle, &args)
}

#[wasm_bindgen_test]
async fn load_pack_tells_another_story_and_a_refused_one_says_why() {
    let host = host();
    let handle = backchannel::embed::mount(host.clone(), None, JsValue::UNDEFINED).unwrap();
    settle().await;
    let nato = JSON::parse(include_str!("../www/packs/nato-summit-2025.json")).unwrap();
    load_pack(&handle, nato).unwrap();
    settle().await;
    assert!(find(&host, ".bc-bubble-text")
        .text_content()
        .unwrap()
        .contains("Safe travels"));
    find(&host, "[role=switch]")
        .unchecked_ref::<HtmlElement>()
        .click();
    settle().await;
    let state = call(&handle, "state", &[]).unwrap();
    assert_eq!(Reflect::get(&state, &"scenario".into()).unwrap(), "posted");

    let broken = builtin_value();
    Reflect::set(&broken, &"beats".into(), &Array::new()).unwrap();
    let error = load_pack(&handle, broken).unwrap_err();
    let message = Reflect::get(&error, &"message".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert!(message.starts_with("pack.beats: "), "{message}");
    settle().await;
    assert!(find(&host, ".bc-failure")
        .text_content()
        .unwrap()
        .contains("pack.beats"));
    assert!(call(&handle, "state", &[]).is_err(), "no story is shown");

    load_pack(&handle, builtin_value()).unwrap();
    settle().await;
    assert!(host.query_selector(".bc-failure").unwrap().is_none());
    assert!(find(&host, ".bc-bubble-text")
        .text_content()
        .unwrap()
        .contains("Greenland"));
    call(&handle, "destroy", &[]).unwrap();
}

#[wasm_bindgen_test]
fn check_pack_reports_what_validate_pack_prints() {
    let ok = backchannel::reader::check_pack(BUILTIN.into());
    assert_eq!(Reflect::get(&ok, &"ok".into()).unwrap(), true);
    let summary = Reflect::get(&ok, &"summary".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert!(
        summary.starts_with("greenland-2026: 6 senders"),
        "{summary}"
    );

    let v = builtin_value();
    Reflect::set(
        &at(&v, &["experts", "1", "outputs"]),
        &"1".into(),
        &"outrage".into(),
    )
    .unwrap();
    let bad = backchannel::reader::check_pack(v);
    assert_eq!(Reflect::get(&bad, &"ok".into()).unwrap(), false);
    let problems: Array = Reflect::get(&bad, &"problems".into())
        .unwrap()
        .unchecked_into();
    assert_eq!(problems.length(), 1);
    assert_eq!(
        Reflect::get(&problems.get(0), &"path".into()).unwrap(),
        "experts[1].outputs[1]"
    );
    // For the explainer: the story baked when it passes, the refusal it
    // shows (the first problem, under `pack`) when not.
    let bytes: js_sys::Uint8Array = Reflect::get(&ok, &"bytes".into()).unwrap().unchecked_into();
    assert_eq!(
        backchannel::story::unbake(&bytes.to_vec()).unwrap(),
        Story::parse(BUILTIN).unwrap()
    );
    assert!(Reflect::get(&bad, &"bytes".into()).unwrap().is_undefined());
    let refused = Reflect::get(&bad, &"refused".into()).unwrap();
    assert_eq!(
        Reflect::get(&refused, &"field".into()).unwrap(),
        "pack.experts[1].outputs[1]"
    );
    let not_json = backchannel::reader::check_pack("{".into());
    assert_eq!(Reflect::get(&not_json, &"ok".into()).unwrap(), false);
}

/// A host's JSON config goes through the pack reader too (`checkConfig`,
/// here in the same wasm): the explainer takes it in its compact form and
/// follows it, or shows the reader's refusal in the reader's words.
#[wasm_bindgen_test]
async fn a_config_read_by_the_pack_reader_configures_the_explainer() {
    let options = |config: &str| {
        let o = Object::new();
        Reflect::set(
            &o,
            &"config".into(),
            &backchannel::reader::check_config(config),
        )
        .unwrap();
        JsValue::from(o)
    };
    let host = host();
    let handle = backchannel::embed::mount(
        host.clone(),
        None,
        options(r#"{ "theme": "dark", "scenario": "only-rutte", "params": { "gamma": 0.5 } }"#),
    )
    .unwrap();
    settle().await;
    assert!(host.query_selector(".bc-theme-dark").unwrap().is_some());
    // The config's scenario is the lab's (a story step shows its own).
    call(&handle, "goToBeat", &[99.into()]).unwrap();
    settle().await;
    let state = call(&handle, "state", &[]).unwrap();
    assert_eq!(
        Reflect::get(&state, &"scenario".into()).unwrap(),
        "only-rutte"
    );
    call(&handle, "destroy", &[]).unwrap();

    let host = self::host();
    let error = backchannel::embed::mount(host.clone(), None, options(r#"{ "autoplay": "yes" }"#))
        .unwrap_err()
        .as_string()
        .unwrap();
    assert_eq!(
        error,
        r#"config.autoplay: expected true or false, got the string "yes""#
    );
    settle().await;
    assert!(find(&host, ".bc-failure")
        .text_content()
        .unwrap()
        .contains("config.autoplay"));
}
