//! Checks story packs before they are published: prints `ok` and a one-line
//! summary per pack, or every problem with its path, and exits 1 if any pack
//! was refused (2 for a wrong command line). `--print FILE` prints the pack
//! as the explainer reads it, with every default written out.

use backchannel::cli;
use std::process::ExitCode;

const USAGE: &str = "Usage: validate-pack FILE...\n       validate-pack --print FILE\n\
Checks Backchannel story packs and prints every problem with its path;\n\
--print prints a sound pack as the explainer reads it, every default written out.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || args.iter().any(|f| f == "--help" || f == "-h") {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    if args[0] == "--print" {
        let [_, file] = &args[..] else {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        };
        return match cli::normalised(file) {
            Ok(text) => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("validate-pack: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let mut all_ok = true;
    for file in &args {
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
