//! Checks story packs before they are published: prints `ok` and a one-line
//! summary per pack, or every problem with its path, and exits 1 if any pack
//! was refused (2 for a wrong command line).

use backchannel::cli;
use std::process::ExitCode;

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() || files.iter().any(|f| f == "--help" || f == "-h") {
        eprintln!("Usage: validate-pack FILE...\nChecks Backchannel story packs; prints every problem with its path.");
        return ExitCode::from(2);
    }
    let mut all_ok = true;
    for file in &files {
        let (text, ok) = cli::validate(file);
        if ok {
            print!("{text}");
        } else {
            eprint!("{text}");
        }
        all_ok &= ok;
    }
    if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
