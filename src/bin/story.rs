//! Renders the static story, the explainer's whole story as HTML for readers
//! without JavaScript and for print, with yew's server renderer and the same
//! components as the live explainer (src/ui/static_story.rs).
//!
//! `story DIR` writes `DIR/story.<lang>.html` for every language (a page
//! that links the component's stylesheet found in DIR) and
//! `DIR/embed-code.<lang>.txt` (the script embed with the story as its
//! fallback), and puts the English story into `DIR/embed.html` and the demo
//! page `DIR/index.html` as the explainer element's fallback. Into the same
//! elements goes the explainer's first view (src/ui/first_view.rs) as a
//! declarative shadow root, so it paints at HTML parse, before the wasm.
//! `make dist` runs it after the build.

use backchannel::story::Story;
use backchannel::ui::first_view;
use backchannel::ui::static_story::render;
use backchannel::words::{Words, LOCALE_FILES};
use std::path::Path;
use std::process::ExitCode;
use std::rc::Rc;

/// Where `dist/` is served, in the embed codes, unless
/// `BACKCHANNEL_PUBLIC_URL` says (as for oembed.json).
const PLACEHOLDER_URL: &str = "https://example.org/backchannel/";

/// What the story replaces in embed.html and the demo page (index.html):
/// the short fallback `make serve` shows, itself in a `<noscript>`.
const SLOT: (&str, &str) = ("<!-- static story -->", "<!-- /static story -->");

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: story DIR (the dist directory)");
        return ExitCode::from(2);
    };
    match run(Path::new(&dir)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("story: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(dir: &Path) -> Result<(), String> {
    let story = Rc::new(Story::builtin().map_err(|p| p.summary().to_string())?);
    let css = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .find(|n| n.starts_with("backchannel-") && n.ends_with(".css"))
        .ok_or_else(|| {
            format!(
                "no backchannel-*.css in {} (run trunk build first)",
                dir.display()
            )
        })?;
    let base = std::env::var("BACKCHANNEL_PUBLIC_URL")
        .ok()
        .filter(|url| !url.is_empty())
        .unwrap_or_else(|| PLACEHOLDER_URL.to_string());
    for (lang, text) in LOCALE_FILES {
        let interface = Words::parse(text).map_err(|e| e.to_string())?;
        let words = Rc::new(story.words(&interface, lang));
        let html = render(story.clone(), words.clone(), lang);
        let title = words.get("explainer.title");
        let page = format!(
            "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{title}</title>\n<link rel=\"icon\" href=\"data:,\">\n\
             <link rel=\"stylesheet\" href=\"{css}\">\n</head>\n<body>\n{html}\n</body>\n</html>\n"
        );
        write(&dir.join(format!("story.{lang}.html")), &page)?;
        let first = |scenario, sheet: &str| -> Result<String, String> {
            let view = first_view::render(&story, words.clone(), lang, scenario)
                .map_err(|e| e.to_string())?;
            Ok(shadow(sheet, lang, &view))
        };
        write(
            &dir.join(format!("embed-code.{lang}.txt")),
            &embed_code(
                &base,
                lang,
                &first(Some(SCENARIO), &format!("{base}backchannel.css"))?,
                &html,
            ),
        )?;
        if lang == "en" {
            let first = first(None, &css)?;
            // In <noscript>, in place of the sentence `make serve` shows: a
            // reader without JavaScript gets the whole story; a reader with
            // JavaScript never has it painted (the first view, pre-rendered
            // with the hashed sheet the loader would load, holds the
            // explainer's place, and nothing jumps), and the loader shows it
            // if the explainer cannot start. embed.html links the component's
            // sheet itself; the demo page (index.html) links the stable-named
            // one inside the <noscript>, as an embed code does.
            fill(
                &dir.join("embed.html"),
                &format!("{first}<noscript>{html}</noscript>"),
            )?;
            fill(
                &dir.join("index.html"),
                &format!(
                    "{first}<noscript><link rel=\"stylesheet\" href=\"backchannel.css\">{html}</noscript>"
                ),
            )?;
        }
    }
    Ok(())
}

/// The scenario the embed codes name.
const SCENARIO: &str = "what-happened";

/// The first view as a declarative shadow root: painted at HTML parse with
/// the component's sheet, out of reach of the page's CSS, and `hidden` until
/// that sheet shows it (no unstyled flash; with scripts off it stays hidden
/// and the slot shows the element's `<noscript>`). The loader keeps it until
/// the live explainer takes its place, if the element asks for this
/// language (`lang`), and keeps the reader's taps on it for the explainer.
/// Inert where declarative shadow DOM is missing.
fn shadow(sheet: &str, lang: &str, view: &str) -> String {
    format!(
        "<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"{sheet}\"><slot></slot>\
         <div class=\"bc-pre\" hidden lang=\"{lang}\">{view}</div></template>"
    )
}

/// The script embed with the first view in the element's shadow root and
/// the static story as its fallback: in `<noscript>`, so a reader with
/// JavaScript downloads it with the article but never has it painted (the
/// explainer takes its place, and the loader shows it if the explainer cannot
/// start). Both link the sheet under its stable name: embed codes outlive
/// builds. One line: an editor that turns line breaks into `<p>` and `<br>`
/// (WordPress's wpautop) finds none inside it.
fn embed_code(base: &str, lang: &str, first: &str, story: &str) -> String {
    format!(
        "<script type=\"module\" src=\"{base}backchannel.js\"></script>\
         <backchannel-explainer scenario=\"{SCENARIO}\" lang=\"{lang}\">{first}\
         <noscript><link rel=\"stylesheet\" href=\"{base}backchannel.css\">{story}</noscript>\
         </backchannel-explainer>\n"
    )
}

/// Replaces `SLOT` in the page at `path`, markers included, with `fallback`.
fn fill(path: &Path, fallback: &str) -> Result<(), String> {
    let page = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (Some(start), Some(end)) = (page.find(SLOT.0), page.find(SLOT.1)) else {
        return Err(format!(
            "{} has no {} … {} to fill",
            path.display(),
            SLOT.0,
            SLOT.1
        ));
    };
    let page = format!(
        "{}{fallback}{}",
        &page[..start],
        &page[end + SLOT.1.len()..]
    );
    write(path, &page)
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
