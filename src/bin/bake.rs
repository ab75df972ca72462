//! Bakes the built-in story for the wasm (src/story/baked.rs): reads and
//! checks the pack, and prints how many bytes it bakes to; `--write`
//! writes them to src/story/builtin.bin, which the wasm includes. A native
//! test fails while the committed file is not what this writes.

use backchannel::story::{bake_builtin, Story};
use std::process::ExitCode;

const OUT: &str = "src/story/builtin.bin";

fn main() -> ExitCode {
    let story = match Story::builtin() {
        Ok(story) => story,
        Err(problems) => {
            eprintln!("bake: the built-in pack is refused: {}", problems.summary());
            return ExitCode::FAILURE;
        }
    };
    let bytes = bake_builtin(&story);
    if std::env::args().any(|a| a == "--write") {
        let full = format!("{}/{OUT}", env!("CARGO_MANIFEST_DIR"));
        if let Err(e) = std::fs::write(&full, &bytes) {
            eprintln!("bake: cannot write {full} ({e})");
            return ExitCode::FAILURE;
        }
        println!("wrote {OUT} ({} bytes)", bytes.len());
    } else {
        println!("{} bytes (--write writes {OUT})", bytes.len());
    }
    ExitCode::SUCCESS
}
