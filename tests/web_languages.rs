//! Component tests in headless Chromium (wasm-bindgen-test) for languages:
//! an explainer mounted in French from a language file shaped as `make dist`
//! writes it, switched at run time by the handle, keeping its state, and
//! refusing a language it cannot show with a message that names it.
#![cfg(target_arch = "wasm32")]

use js_sys::{Function, Object, Promise, Reflect};
use serde_json::{Map, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/dom.rs"]
mod dom;
use dom::{find, find_soon, host, settle};

const PACK: &str = include_str!("../www/packs/greenland-2026.json");

/// A language's file as scripts/postbuild.mjs writes it: the interface
/// strings, the built-in story's id under `story`, its strings under
/// `story:<key>`.
fn bundle(code: &str) -> String {
    let interface = match code {
        "fr" => include_str!("../www/locales/fr.json"),
        "vi" => include_str!("../www/locales/vi.json"),
        _ => unreachable!(),
    };
    let mut out: Map<String, Value> = serde_json::from_str(interface).unwrap();
    let pack: Value = serde_json::from_str(PACK).unwrap();
    out.insert("story".into(), pack["id"].clone());
    for (k, v) in pack["strings"][code].as_object().unwrap() {
        out.insert(format!("story:{k}"), v.clone());
    }
    Value::Object(out).to_string()
}

fn word(code: &str, key: &str) -> String {
    let file = match code {
        "en" => include_str!("../www/locales/en.json"),
        "fr" => include_str!("../www/locales/fr.json"),
        _ => include_str!("../www/locales/vi.json"),
    };
    let v: Value = serde_json::from_str(file).unwrap();
    v[key].as_str().unwrap().to_string()
}

/// Mount options as the loader gives them: `lang`, the preloaded file,
/// `localeText(code)` answering from `texts` (what the loader has fetched),
/// and `loadLocale(code)`, which hands a file over as the loader does once
/// fetched: through the handle's `__languageLoaded`.
fn options(
    host: &Element,
    lang: &str,
    preloaded: Option<&str>,
    texts: &[(&str, String)],
) -> JsValue {
    let o = Object::new();
    let set = |k: &str, v: JsValue| Reflect::set(&o, &k.into(), &v).unwrap();
    set("lang", lang.into());
    if let Some(code) = preloaded {
        set("localeLang", code.into());
        set("locale", bundle(code).into());
    }
    let table = Object::new();
    for (code, text) in texts {
        Reflect::set(&table, &(*code).into(), &text.into()).unwrap();
    }
    let lookup = Function::new_with_args("table", "return (code) => table[code]")
        .call1(&JsValue::NULL, &table)
        .unwrap();
    set("localeText", lookup);
    let load = Function::new_with_args(
        "host",
        "return (code) => Promise.resolve().then(() => host.backchannel.__languageLoaded(code))",
    )
    .call1(&JsValue::NULL, host)
    .unwrap();
    set("loadLocale", load);
    o.into()
}

fn call(handle: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = Reflect::get(handle, &method.into())
        .unwrap()
        .unchecked_into();
    let args: js_sys::Array = args.iter().collect();
    f.apply(handle, &args)
}

fn state(handle: &JsValue, key: &str) -> JsValue {
    let s = call(handle, "state", &[]).unwrap();
    Reflect::get(&s, &key.into()).unwrap()
}

fn title(root: &Element) -> String {
    find(root, ".bc-title").text_content().unwrap()
}

#[wasm_bindgen_test]
async fn starts_in_french_from_the_loader_s_file_with_quotations_kept_in_english() {
    let host = host();
    let handle =
        backchannel::embed::mount(host.clone(), None, options(&host, "fr", Some("fr"), &[]))
            .unwrap();
    settle().await;
    assert_eq!(title(&host), word("fr", "explainer.title"));
    assert_eq!(find(&host, ".bc-root").get_attribute("lang").unwrap(), "fr");
    assert_eq!(state(&handle, "lang").as_string().unwrap(), "fr");
    // The built-in story's strings came from the file, not the wasm.
    let pack: Value = serde_json::from_str(PACK).unwrap();
    assert_eq!(
        find(&host, ".bc-beat-title").text_content().unwrap(),
        pack["strings"]["fr"]["beat.act.title"].as_str().unwrap()
    );
    let quote = find(&host, ".bc-bubble-text");
    assert_eq!(quote.get_attribute("lang").unwrap(), "en");
    // Our translation in view, under the bubble and outside it.
    let translation = find(&host, ".bc-message > .bc-bubble + .bc-translation");
    assert!(translation.text_content().unwrap().contains(
        pack["strings"]["fr"]["message.macron.translation"]
            .as_str()
            .unwrap()
    ));
    call(&handle, "destroy", &[]).unwrap();
}

#[wasm_bindgen_test]
async fn set_language_switches_and_keeps_the_state() {
    let host = host();
    let handle = backchannel::embed::mount(
        host.clone(),
        None,
        options(&host, "en", None, &[("vi", bundle("vi"))]),
    )
    .unwrap();
    settle().await;
    call(&handle, "setPublic", &[true.into()]).unwrap();
    call(&handle, "pause", &[]).unwrap();
    call(&handle, "seek", &[300.into()]).unwrap();
    settle().await;
    // Vietnamese: the loader hands it over, then the promise resolves.
    let done: Promise = call(&handle, "setLanguage", &["vi".into()])
        .unwrap()
        .unchecked_into();
    JsFuture::from(done).await.unwrap();
    settle().await;
    assert_eq!(title(&host), word("vi", "explainer.title"));
    assert_eq!(host.get_attribute("lang").unwrap(), "vi");
    assert_eq!(state(&handle, "day").as_f64().unwrap(), 300.0);
    assert!(state(&handle, "public").as_bool().unwrap());
    let live = find(&host, "[aria-live=polite]").text_content().unwrap();
    assert_eq!(live, word("vi", "announce.language"));
    // Back to English, which the wasm carries.
    let done: Promise = call(&handle, "setLanguage", &["en".into()])
        .unwrap()
        .unchecked_into();
    JsFuture::from(done).await.unwrap();
    settle().await;
    assert_eq!(title(&host), word("en", "explainer.title"));
    assert_eq!(state(&handle, "day").as_f64().unwrap(), 300.0);
    // Not a language of this build: refused at once, by name.
    let refused = call(&handle, "setLanguage", &["de".into()]).unwrap_err();
    let message = Reflect::get(&refused, &"message".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert!(
        message.contains("\"de\" is not a language of this build"),
        "{message}"
    );
    assert_eq!(state(&handle, "lang").as_string().unwrap(), "en");
    call(&handle, "destroy", &[]).unwrap();
}

#[wasm_bindgen_test]
async fn a_damaged_language_file_is_refused_with_its_name_and_nothing_changes() {
    let host = host();
    let handle = backchannel::embed::mount(
        host.clone(),
        None,
        options(&host, "en", None, &[("fr", "{ not json".to_string())]),
    )
    .unwrap();
    settle().await;
    let done: Promise = call(&handle, "setLanguage", &["fr".into()])
        .unwrap()
        .unchecked_into();
    let refused = JsFuture::from(done).await.unwrap_err();
    let message = Reflect::get(&refused, &"message".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert!(message.contains("locales/fr.json"), "{message}");
    assert!(message.contains("not valid JSON"), "{message}");
    settle().await;
    assert_eq!(state(&handle, "lang").as_string().unwrap(), "en");
    assert_eq!(title(&host), word("en", "explainer.title"));
    // Beside the control, in the reader's language.
    assert_eq!(
        find_soon(&host, ".bc-lang-error")
            .await
            .text_content()
            .unwrap(),
        word("en", "language.error")
    );
    call(&handle, "destroy", &[]).unwrap();
}

#[wasm_bindgen_test]
async fn a_file_that_arrives_after_another_choice_is_kept_not_shown() {
    let host = host();
    let handle = backchannel::embed::mount(
        host.clone(),
        None,
        options(
            &host,
            "en",
            None,
            &[("fr", bundle("fr")), ("vi", bundle("vi"))],
        ),
    )
    .unwrap();
    settle().await;
    // The reader asked for French (its file still on its way), then for
    // English; now the French file arrives.
    let _ = call(&handle, "setLanguage", &["fr".into()]).unwrap();
    call(&handle, "setLanguage", &["en".into()]).unwrap();
    let late = call(&handle, "__languageLoaded", &["fr".into()]);
    assert!(late.is_ok());
    settle().await;
    // Nobody asked for French last: it is kept, not shown.
    assert_eq!(state(&handle, "lang").as_string().unwrap(), "en");
    assert_eq!(title(&host), word("en", "explainer.title"));
    // Asked for now, it shows at once (already read).
    let done: Promise = call(&handle, "setLanguage", &["fr".into()])
        .unwrap()
        .unchecked_into();
    JsFuture::from(done).await.unwrap();
    settle().await;
    assert_eq!(title(&host), word("fr", "explainer.title"));
    call(&handle, "destroy", &[]).unwrap();
}

/// The English strings the wasm carries (build.rs: one NUL-separated text,
/// sorted, read without JSON) are en.json's, less the loader's and the
/// static render's, in the order `Words` searches.
#[wasm_bindgen_test]
fn the_english_strings_in_the_wasm_are_en_json_s() {
    use backchannel::words::Words;
    let file = Words::parse(include_str!("../www/locales/en.json")).unwrap();
    let baked = Words::english();
    let shown: Vec<&str> = file
        .keys()
        .filter(|k| !k.starts_with("fallback.") && !k.starts_with("static."))
        .collect();
    assert!(shown.len() > 100, "{}", shown.len());
    assert_eq!(baked.keys().collect::<Vec<_>>(), shown);
    for key in shown {
        assert_eq!(baked.try_get(key), file.try_get(key), "{key}");
    }
}
