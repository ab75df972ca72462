//! Runs the leak model without a browser and prints CSV or JSON, one row per
//! whole day. `simulate --help` lists the options.

use backchannel::cli;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = cli::parse(&args).and_then(|req| match req {
        None => Ok(cli::USAGE.to_string()),
        Some(req) => cli::run(&req),
    });
    match result {
        Ok(text) => {
            // A closed pipe (`| head`) is not an error worth a message.
            let _ = std::io::stdout().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("simulate: {message}");
            ExitCode::from(2)
        }
    }
}
