//! Renders the explainer's view as SVG natively, for print desks' pipelines:
//! the same function the browser's `exportSvg()` runs (src/export.rs), so
//! the same state gives the same bytes.
//!
//! `render [--pack FILE] [--scenario ID] [--day N] [--lang CODE]
//! [--theme light|dark] [--size social|column] [--out FILE]`: the story's
//! first step with its message made public, `--day` days after the start of
//! the timeline; with `--scenario`, that scenario (on the first step if it
//! posts that step's message, else in the lab, where the reader sees any).
//! Writes to `--out`, or to standard output. Bad arguments exit with status
//! 2 and one line naming the problem.

use backchannel::cli::load;
use backchannel::export::{svg, Size, Theme};
use backchannel::state::{Action, Explainer};
use backchannel::story::View;
use backchannel::words::{Words, LOCALE_FILES};
use std::process::ExitCode;
use std::rc::Rc;

struct Args {
    pack: Option<String>,
    scenario: Option<String>,
    day: f64,
    lang: String,
    theme: Theme,
    size: Size,
    out: Option<String>,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut a = Args {
        pack: None,
        scenario: None,
        day: 300.0,
        lang: "en".into(),
        theme: Theme::Light,
        size: Size::Social,
        out: None,
    };
    while let Some(flag) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| format!("{flag}: a value is missing"))
        };
        match flag.as_str() {
            "--pack" => a.pack = Some(value()?),
            "--scenario" => a.scenario = Some(value()?),
            "--day" => {
                let v = value()?;
                a.day = v
                    .parse::<u32>()
                    .map_err(|_| format!("--day: {v:?} is not a whole number of days"))?
                    as f64;
            }
            "--lang" => a.lang = value()?,
            "--theme" => {
                let v = value()?;
                a.theme =
                    Theme::of_image(&v).ok_or(format!("--theme: {v:?} is not light or dark"))?;
            }
            "--size" => {
                let v = value()?;
                a.size = Size::parse(&v).ok_or(format!("--size: {v:?} is not social or column"))?;
            }
            "--out" => a.out = Some(value()?),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(a)
}

fn render(a: &Args) -> Result<String, String> {
    let story = Rc::new(load(a.pack.as_deref())?);
    let (_, locale) = LOCALE_FILES
        .iter()
        .find(|(code, _)| *code == a.lang)
        .ok_or_else(|| {
            let codes: Vec<&str> = LOCALE_FILES.iter().map(|(c, _)| *c).collect();
            format!("--lang: {:?} is not one of {}", a.lang, codes.join(", "))
        })?;
    if story.strings.get(&a.lang).is_none() {
        return Err(format!("--lang: the story is not told in {:?}", a.lang));
    }
    let interface = Words::parse(locale).map_err(|e| e.to_string())?;
    let words = Rc::new(story.words(&interface, &a.lang));
    let mut e =
        Explainer::new(story.clone(), story.resolved().params, true).map_err(|e| e.to_string())?;
    let steps = [
        a.scenario.clone().map(Action::SelectScenario),
        Some(Action::SetLanguage(a.lang.clone(), words)),
        Some(Action::SetPublic(true)),
        Some(Action::Pause),
        Some(Action::Seek(a.day)),
    ];
    for action in steps.into_iter().flatten() {
        e.reduce(action).map_err(|e| e.to_string())?;
    }
    // The first step shows a scenario that posts its message; any other is
    // shown where the reader sees it, chosen in the lab (after the flip, so
    // the lab shows the choice rather than the flip).
    if let Some(id) = &a.scenario {
        if e.scenario() != id {
            let lab = story.beats.iter().position(|b| b.view == View::Lab);
            let lab =
                lab.ok_or_else(|| format!("--scenario: the story has no lab to show {id:?} in"))?;
            for action in [
                Action::GoToBeat(lab),
                Action::SelectScenario(id.clone()),
                Action::Seek(a.day),
            ] {
                e.reduce(action).map_err(|e| e.to_string())?;
            }
        }
    }
    Ok(svg(&e, a.theme, a.size))
}

fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("render: {e}");
            return ExitCode::from(2);
        }
    };
    let text = match render(&args) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("render: {e}");
            return ExitCode::from(2);
        }
    };
    let written = match &args.out {
        Some(path) => std::fs::write(path, &text).map_err(|e| format!("--out {path}: {e}")),
        None => {
            print!("{text}");
            Ok(())
        }
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("render: {e}");
            ExitCode::FAILURE
        }
    }
}
