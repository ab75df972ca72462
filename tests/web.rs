//! Component tests in headless Chromium (wasm-bindgen-test): the switch and
//! the meters, mounted the way a host page mounts them.
#![cfg(target_arch = "wasm32")]

use backchannel::ui::meter::{Meter, MeterProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/dom.rs"]
mod dom;
use dom::{find, host, settle};

fn meter_value(root: &Element, name: &str) -> f64 {
    let meter = find(root, &format!("[role=meter][aria-label=\"{name}\"]"));
    meter
        .get_attribute("aria-valuenow")
        .unwrap()
        .parse()
        .unwrap()
}

/// Mounts an explainer and shows the beat with the message and its switch.
fn mount_at_act(host: &Element) -> wasm_bindgen::JsValue {
    let handle =
        backchannel::embed::mount(host.clone(), None, wasm_bindgen::JsValue::UNDEFINED).unwrap();
    call(&handle, "goToBeat", &[0.into()]);
    handle
}

fn call(
    handle: &wasm_bindgen::JsValue,
    method: &str,
    args: &[wasm_bindgen::JsValue],
) -> wasm_bindgen::JsValue {
    let f = js_sys::Reflect::get(handle, &method.into())
        .unwrap()
        .unchecked_into::<js_sys::Function>();
    let args: js_sys::Array = args.iter().collect();
    f.apply(handle, &args).unwrap()
}

/// Whether an element matching `selector` is rendered inside `root`.
fn shown(root: &Element, selector: &str) -> bool {
    root.query_selector(selector).ok().flatten().is_some()
}

fn state_public(handle: &wasm_bindgen::JsValue) -> bool {
    state_flag(handle, "public")
}

/// What a switch shows: its `aria-checked`.
fn switch_shows(switch: &Element) -> Option<String> {
    switch.get_attribute("aria-checked")
}

/// A yes/no field of the host handle's `state()`.
fn state_flag(handle: &wasm_bindgen::JsValue, field: &str) -> bool {
    let state = call(handle, "state", &[]);
    js_sys::Reflect::get(&state, &field.into())
        .unwrap()
        .as_bool()
        .unwrap()
}

#[wasm_bindgen_test]
async fn the_switch_flips_the_message_and_the_state() {
    let host = host();
    let handle = mount_at_act(&host);
    settle().await;
    let switch = find(&host, "[role=switch]");
    assert_eq!(switch_shows(&switch).as_deref(), Some("false"));
    assert!(shown(&host, ".bc-chat-head") && !shown(&host, ".bc-post-head"));
    assert!(!state_public(&handle));

    switch.unchecked_ref::<HtmlElement>().click();
    settle().await;
    assert_eq!(switch_shows(&switch).as_deref(), Some("true"));
    assert!(shown(&host, ".bc-post-head") && !shown(&host, ".bc-chat-head"));
    assert!(state_public(&handle));

    switch.unchecked_ref::<HtmlElement>().click();
    settle().await;
    assert_eq!(switch_shows(&switch).as_deref(), Some("false"));
    assert!(!state_public(&handle));
}

/// Lets the microtasks queued so far run (Yew renders a change in one).
async fn microtasks() {
    for _ in 0..3 {
        let done = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
        wasm_bindgen_futures::JsFuture::from(done).await.unwrap();
    }
}

/// A reader's tap is rendered after its own paint (src/ui/after_paint.rs):
/// the state answers at once, the view in a task queued from the next
/// animation frame, so not in the microtasks after the tap.
#[wasm_bindgen_test]
async fn a_tap_is_rendered_after_its_own_paint() {
    let host = host();
    let handle = mount_at_act(&host);
    settle().await;
    let switch = find(&host, "[role=switch]");
    switch.unchecked_ref::<HtmlElement>().click();
    assert!(state_public(&handle));
    microtasks().await;
    assert_eq!(
        switch_shows(&switch).as_deref(),
        Some("false"),
        "rendered before the tap's own paint"
    );
    settle().await;
    assert_eq!(switch_shows(&switch).as_deref(), Some("true"));
}

/// Two presses before the render they ask for (a double tap, a presenter's
/// clicker) both count, from the state rather than from what was last
/// drawn: Next twice is two steps, and the switch or Play tapped twice is
/// back where it was.
#[wasm_bindgen_test]
async fn two_inputs_before_a_render_both_count() {
    let host = host();
    let handle = mount_at_act(&host);
    settle().await;
    let press = |selector: &str| {
        let el = find(&host, selector);
        el.unchecked_ref::<HtmlElement>().click();
        el.unchecked_ref::<HtmlElement>().click();
    };
    let step = || find(&host, ".bc-pager-where").text_content().unwrap();
    press("[role=switch]");
    assert!(!state_public(&handle));
    let playing = state_flag(&handle, "playing");
    press(".bc-play");
    assert_eq!(state_flag(&handle, "playing"), playing);
    settle().await;
    assert_eq!(
        switch_shows(&find(&host, "[role=switch]")).as_deref(),
        Some("false")
    );
    press(".bc-pager .bc-button:last-child");
    settle().await;
    assert!(step().contains("Step 3 of 6"), "{}", step());
    press(".bc-pager .bc-button:first-child");
    settle().await;
    assert!(step().contains("Step 1 of 6"), "{}", step());
}

#[wasm_bindgen_test]
async fn meters_leave_the_baseline_when_public_and_return_when_private() {
    let host = host();
    let handle = mount_at_act(&host);
    settle().await;
    let baseline = meter_value(&host, "Room for compromise");
    assert_eq!(baseline, 66.0);
    assert_eq!(meter_value(&host, "Trust"), 95.0);

    find(&host, "[role=switch]")
        .unchecked_ref::<HtmlElement>()
        .click();
    settle().await;
    assert!(meter_value(&host, "Room for compromise") < baseline - 10.0);
    assert!(meter_value(&host, "Trust") < 95.0);
    assert!(state_public(&handle));

    find(&host, "[role=switch]")
        .unchecked_ref::<HtmlElement>()
        .click();
    settle().await;
    assert_eq!(meter_value(&host, "Room for compromise"), baseline);
}

#[wasm_bindgen_test]
async fn two_explainers_on_one_page_are_independent() {
    let (a, b) = (host(), host());
    mount_at_act(&a);
    let handle_b = mount_at_act(&b);
    settle().await;
    find(&a, "[role=switch]")
        .unchecked_ref::<HtmlElement>()
        .click();
    settle().await;
    assert_eq!(
        switch_shows(&find(&a, "[role=switch]")).as_deref(),
        Some("true")
    );
    assert_eq!(
        switch_shows(&find(&b, "[role=switch]")).as_deref(),
        Some("false")
    );
    assert!(!state_public(&handle_b));
}

#[wasm_bindgen_test]
async fn the_story_steps_forward_and_back() {
    let host = host();
    backchannel::embed::mount(host.clone(), None, wasm_bindgen::JsValue::UNDEFINED).unwrap();
    settle().await;
    let title = || find(&host, ".bc-beat-title").text_content().unwrap();
    assert_eq!(title(), "Make it public");
    // The page around hears each step the reader moves to.
    let steps = std::rc::Rc::new(std::cell::Cell::new(0));
    let heard = {
        let steps = steps.clone();
        wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || steps.set(steps.get() + 1))
    };
    host.add_event_listener_with_callback("backchannel:step", heard.as_ref().unchecked_ref())
        .unwrap();
    let next = find(&host, ".bc-pager .bc-button:last-child");
    next.unchecked_ref::<HtmlElement>().click();
    settle().await;
    assert_eq!(title(), "The invisible pillars");
    // Focus moves to the new step's heading, and the host is told.
    let focused = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(focused, find(&host, ".bc-beat-title"));
    assert_eq!(steps.get(), 1);
    let current = find(&host, "[aria-current=step]");
    assert!(current
        .text_content()
        .unwrap()
        .contains("The invisible pillars"));
    assert!(find(&host, ".bc-pager-where")
        .text_content()
        .unwrap()
        .contains("Step 2 of 6"));
    find(&host, ".bc-pager .bc-button:first-child")
        .unchecked_ref::<HtmlElement>()
        .click();
    settle().await;
    assert_eq!(title(), "Make it public");
    assert_eq!(steps.get(), 2);
    host.remove_event_listener_with_callback("backchannel:step", heard.as_ref().unchecked_ref())
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_meter_exposes_its_name_value_and_baseline() {
    let host = host();
    yew::Renderer::<Meter>::with_root_and_props(
        host.clone(),
        MeterProps {
            key_name: "meter.trust".into(),
            value: 0.922,
            baseline: 0.95,
        },
    )
    .render();
    settle().await;
    let meter = find(&host, "[role=meter]");
    assert_eq!(meter.get_attribute("aria-label").as_deref(), Some("Trust"));
    assert_eq!(meter.get_attribute("aria-valuenow").as_deref(), Some("92"));
    assert_eq!(meter.get_attribute("aria-valuemax").as_deref(), Some("100"));
    assert_eq!(
        meter.get_attribute("aria-valuetext").as_deref(),
        Some("92% (baseline 95%)")
    );
    // Every bar is on the same 0–100 % scale: 92.2 % of the track.
    assert_eq!(
        find(&host, ".bc-meter-fill")
            .get_attribute("width")
            .as_deref(),
        Some("92.20")
    );
    assert!(meter.get_attribute("class").unwrap().contains("is-down"));
}

#[wasm_bindgen_test]
async fn destroy_empties_the_host_and_retires_the_handle() {
    let host = host();
    let handle =
        backchannel::embed::mount(host.clone(), None, wasm_bindgen::JsValue::UNDEFINED).unwrap();
    settle().await;
    assert!(host.child_element_count() > 0);
    call(&handle, "play", &[]);
    call(&handle, "destroy", &[]);
    settle().await;
    assert_eq!(host.child_element_count(), 0);
    assert!(!js_sys::Reflect::has(&host, &"backchannel".into()).unwrap());
    let state = js_sys::Reflect::get(&handle, &"state".into())
        .unwrap()
        .unchecked_into::<js_sys::Function>();
    let refused = state.call0(&handle).unwrap_err();
    let message = js_sys::Reflect::get(&refused, &"message".into()).unwrap();
    assert_eq!(
        message.as_string().as_deref(),
        Some("backchannel: this explainer was destroyed")
    );
    // A second destroy is harmless.
    call(&handle, "destroy", &[]);
}
