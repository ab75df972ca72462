//! The built-in story's `what-happened` run at a few days, every output
//! written with Rust's shortest round-trip float format, so two texts are
//! equal only if every number is equal to the bit. A native test holds the
//! fixture to the native model (tests/model_examples.rs) and a browser test
//! holds the wasm model to the same fixture (tests/web_model.rs): the model
//! gives a reader's browser exactly the numbers the tests check natively.

use backchannel::model::simulate;
use backchannel::story::Story;

/// The fixture, as committed.
pub const FIXTURE: &str = include_str!("../fixtures/model-checkpoints.txt");
/// Where it lives, for the message that tells how to refresh it.
#[allow(dead_code)] // the browser test does not refresh the fixture
pub const FIXTURE_PATH: &str = "tests/fixtures/model-checkpoints.txt";

// Before the posts, the eve and the day of January's (day 210), after.
const DAYS: [usize; 8] = [0, 120, 209, 210, 211, 260, 400, 600];

/// The checkpoints as the model computes them here.
pub fn checkpoints() -> String {
    let story = Story::builtin().unwrap();
    let (params, senders) = (story.resolved().params, story.resolved().senders.clone());
    let events = story.scenario("what-happened").unwrap().events.clone();
    let run = simulate(&params, &senders, &events, 600, 1.0).unwrap();
    DAYS.iter()
        .map(|&d| format!("day {d}: {:?}\n", run.at(d)))
        .collect()
}
