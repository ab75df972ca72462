//! The model's speed inside the browser: one full run of the built-in
//! story's `what-happened` scenario (600 days, every sender, dt = 1, what
//! the explainer computes on a parameter change), timed with
//! `performance.now()` in headless Chromium. It prints figures and asserts
//! only that the runs succeed: timings vary with the machine.
//!
//! A second test times what start-up spends reading the built-in story and
//! the English strings. A third, which can fail, holds the wasm model to the
//! native model's numbers, to the bit.
//!
//! `make bench` runs it optimised; `make test-browser` runs it too (as a
//! check that the model runs in wasm at all).
#![cfg(target_arch = "wasm32")]

use backchannel::model::simulate;
use backchannel::story::Story;
use std::hint::black_box;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/checkpoints.rs"]
mod checkpoints;

/// The wasm model computes, to the bit, the numbers the native model does
/// (the fixture a native test holds to it): every number a native test
/// checks is the number a reader's browser shows.
#[wasm_bindgen_test]
fn the_model_in_wasm_gives_the_native_numbers_bit_for_bit() {
    assert_eq!(checkpoints::checkpoints(), checkpoints::FIXTURE);
}

const DAYS: u32 = 600;
/// Batches of runs: the browser's clock is coarse (about 0.1 ms) next to one run.
const BATCHES: usize = 9;
const RUNS: usize = 20;

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

#[wasm_bindgen_test]
fn one_full_run_in_the_browser() {
    let story = Story::builtin().unwrap();
    let (params, senders) = (story.resolved().params, story.resolved().senders.clone());
    let events = story.scenario("what-happened").unwrap().events.clone();
    let run = || simulate(&params, &senders, black_box(&events), DAYS, 1.0).unwrap();
    let first = {
        let start = now();
        assert_eq!(run().days().len(), DAYS as usize + 1);
        now() - start
    };
    let mut times: Vec<f64> = (0..BATCHES)
        .map(|_| {
            let start = now();
            for _ in 0..RUNS {
                black_box(run());
            }
            (now() - start) / RUNS as f64
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let median = times[BATCHES / 2];
    console_log!(
        "model in the browser: what-happened, {DAYS} days, {} senders: first run {first:.2} ms, \
         then {median:.3} ms per run ({:.0} ns per simulated day; median of {BATCHES} batches of {RUNS})",
        senders.len(),
        median * 1e6 / f64::from(DAYS + 1),
    );
}

/// What start-up spends reading the built-in story and the English strings,
/// baked (bytes decoded, the story resolved), next to what reading them
/// from JSON costs (JSON.parse → serde-wasm-bindgen → checks; the whole
/// pack, every language): printed, so how they ship can be measured.
#[wasm_bindgen_test]
fn start_up_reading_in_the_browser() {
    let time = |f: &dyn Fn()| {
        let mut times: Vec<f64> = (0..BATCHES)
            .map(|_| {
                let start = now();
                for _ in 0..RUNS {
                    f();
                }
                (now() - start) / RUNS as f64
            })
            .collect();
        times.sort_by(f64::total_cmp);
        times[BATCHES / 2]
    };
    let story = time(&|| {
        black_box(Story::builtin().unwrap());
    });
    let parsed: backchannel::story::Pack =
        backchannel::read::parse(backchannel::story::BUILTIN).unwrap();
    let checks = time(&|| {
        black_box(backchannel::story::check::problems(black_box(&parsed)));
    });
    // What start-up did before both were baked into the wasm (build.rs,
    // src/story/baked.rs): the pack's JSON read and checked, the English
    // strings' JSON read.
    let parsed_story = time(&|| {
        black_box(Story::parse(black_box(backchannel::story::BUILTIN)).unwrap());
    });
    let words = time(&|| {
        black_box(
            backchannel::words::Words::parse(include_str!("../www/locales/en.json")).unwrap(),
        );
    });
    console_log!(
        "start-up reading in the browser: the built-in story baked {story:.3} ms; read from JSON {parsed_story:.3} ms \
         (of which its checks {checks:.3} ms); the English strings read from JSON {words:.3} ms, baked: none \
         (median of {BATCHES} batches of {RUNS})"
    );
}
