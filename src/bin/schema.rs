//! Prints the story pack's and the host config's JSON Schemas, generated
//! from the types that read them; `--write` writes them into `www/`, where
//! `make dist` copies them to `dist/`.

use backchannel::schema;
use std::process::ExitCode;

fn main() -> ExitCode {
    let write = std::env::args().any(|a| a == "--write");
    for (path, text) in schema::files() {
        if write {
            let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
            if let Err(e) = std::fs::write(&full, text) {
                eprintln!("schema: cannot write {full} ({e})");
                return ExitCode::FAILURE;
            }
            println!("wrote {path}");
        } else {
            print!("{text}");
        }
    }
    ExitCode::SUCCESS
}
