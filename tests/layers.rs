//! The modules of `src/` and the circles between them, read from the code:
//! every `crate::…` and `super::…` path (in `use` lines, grouped ones
//! expanded, and inline), test code left out. Two levels are checked:
//! between top-level modules (`story`, `words`, `ui`, …), and between the
//! files of one top-level module (`embed::handle`, `embed::language`).
//!
//! A circle means neither side can be understood or changed alone. There
//! are none (`KNOWN` is empty); the test fails on any.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Circles allowed, each as its sorted members: none. Issue 23 broke the
/// last three (dates, story and words: the story's words now come from the
/// story, `Story::words`; the image writer and the components: the view
/// model in `view/`); a new one fails here.
const KNOWN: &[&[&str]] = &[];

type Graph = BTreeMap<String, BTreeSet<String>>;

/// `src/a/b.rs` → `["a", "b"]`; `src/a.rs` → `["a"]`.
fn module_of(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap();
    parts.push(last.trim_end_matches(".rs").to_string());
    parts
}

/// The file's code without its inline test module (everything from
/// `#[cfg(test)] mod … {`, which by this crate's habit comes last) and
/// without comments.
fn code(text: &str) -> String {
    let tests = text
        .match_indices("#[cfg(test)]")
        .find(|(at, m)| {
            // An inline module (`mod tests {`), not a file's (`mod tests;`).
            let rest = text[at + m.len()..].trim_start();
            rest.starts_with("mod ") && rest.find('{') < rest.find(';')
        })
        .map_or(text.len(), |(at, _)| at);
    let text = &text[..tests];
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Expands a `use` tree (`a::{b, c::d}`) into paths.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap().trim();
        return vec![path.to_string()];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap()];
    let mut items = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&inner[start..]);
    items
        .into_iter()
        .filter(|i| !i.trim().is_empty())
        .flat_map(|i| expand(i).into_iter().map(move |p| format!("{prefix}{p}")))
        .collect()
}

/// Every path the code names: `use` trees, and inline `crate::`/`super::`.
fn paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for statement in code.split(';') {
        if let Some(at) = statement.find("use ") {
            let tree = &statement[at + 4..];
            if tree.trim_start().starts_with("crate::") || tree.trim_start().starts_with("super::")
            {
                out.extend(expand(tree));
            }
        }
    }
    for root in ["crate::", "super::"] {
        for (at, _) in code.match_indices(root) {
            let path: String = code[at..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            out.push(path);
        }
    }
    out
}

/// The module a path lands in: the longest prefix that is a module of the
/// crate, resolved from `from` for `super::`.
fn target(path: &str, from: &[String], modules: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    let mut segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let mut base: Vec<String> = Vec::new();
    match segments.first() {
        Some(&"crate") => {
            segments.remove(0);
        }
        Some(&"super") => {
            base = from.to_vec();
            while segments.first() == Some(&"super") {
                segments.remove(0);
                base.pop();
            }
        }
        _ => return None,
    }
    let full: Vec<String> = base
        .into_iter()
        .chain(segments.iter().map(|s| s.to_string()))
        .collect();
    (1..=full.len())
        .rev()
        .map(|n| full[..n].to_vec())
        .find(|m| modules.contains(m))
}

fn graphs() -> (Graph, Graph) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let rel = path.strip_prefix(&src).unwrap().to_path_buf();
            if path.is_dir() {
                if rel != Path::new("bin") {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "rs")
                && rel != Path::new("lib.rs")
                && path.file_name().is_some_and(|n| n != "tests.rs")
            {
                files.push((module_of(&rel), fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let modules: BTreeSet<Vec<String>> = files.iter().map(|(m, _)| m.clone()).collect();
    let (mut top, mut inner) = (Graph::new(), Graph::new());
    for (from, text) in &files {
        top.entry(from[0].clone()).or_default();
        for path in paths(&code(text)) {
            let Some(to) = target(&path, from, &modules) else {
                continue;
            };
            if to[0] != from[0] {
                top.entry(from[0].clone())
                    .or_default()
                    .insert(to[0].clone());
            } else if from.len() > 1 && to.len() > 1 && from[1] != to[1] {
                let (a, b) = (from[..2].join("::"), to[..2].join("::"));
                inner.entry(a).or_default().insert(b);
            }
        }
    }
    (top, inner)
}

/// The graph's circles: its strongly connected parts of two or more.
fn circles(graph: &Graph) -> BTreeSet<BTreeSet<String>> {
    let reach = |start: &String| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![start.clone()];
        while let Some(n) = todo.pop() {
            for m in graph.get(&n).into_iter().flatten() {
                if seen.insert(m.clone()) {
                    todo.push(m.clone());
                }
            }
        }
        seen
    };
    let reachable: BTreeMap<&String, BTreeSet<String>> =
        graph.keys().map(|n| (n, reach(n))).collect();
    graph
        .keys()
        .map(|n| {
            graph
                .keys()
                .filter(|m| reachable[n].contains(*m) && reachable[*m].contains(n))
                .cloned()
                .collect::<BTreeSet<String>>()
        })
        .filter(|c| c.len() > 1)
        .collect()
}

#[test]
fn no_circle_between_modules_but_the_known_ones() {
    let (top, inner) = graphs();
    assert!(top.len() > 10, "modules read: {top:?}");
    let found: BTreeSet<BTreeSet<String>> =
        circles(&top).into_iter().chain(circles(&inner)).collect();
    let known: BTreeSet<BTreeSet<String>> = KNOWN
        .iter()
        .map(|c| c.iter().map(|s| s.to_string()).collect())
        .collect();
    let new: Vec<_> = found.difference(&known).collect();
    let gone: Vec<_> = known.difference(&found).collect();
    assert!(
        new.is_empty() && gone.is_empty(),
        "circles not in KNOWN: {new:?}\nKNOWN circles no longer there (update KNOWN): {gone:?}\n\
         top-level imports: {top:#?}"
    );
}

/// Each layer's imports point down, as `lib.rs` says: the screens (`ui`)
/// and the image (`export`) read the view model; the view model reads the
/// state; the state runs the model. Nothing below imports what is above it.
#[test]
fn the_layers_point_one_way() {
    let (top, _) = graphs();
    let never: &[(&str, &[&str])] = &[
        ("export", &["ui", "embed"]),
        ("view", &["ui", "export", "embed", "store"]),
        ("store", &["ui", "export", "embed", "view"]),
        ("state", &["ui", "export", "embed", "view", "store"]),
        (
            "model",
            &["ui", "export", "embed", "view", "store", "state", "story"],
        ),
    ];
    for (from, above) in never {
        let imports = &top[*from];
        let wrong: Vec<_> = above.iter().filter(|m| imports.contains(**m)).collect();
        assert!(wrong.is_empty(), "{from} imports {wrong:?}: {imports:?}");
    }
    assert!(top["ui"].contains("view") && top["export"].contains("view"));
}

/// The `.rs` files of the top-level module `name` (`src/name.rs` and
/// everything under `src/name/`).
fn files_of(name: &str) -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(name);
    let mut files: Vec<_> = [dir.with_extension("rs")]
        .into_iter()
        .filter(|f| f.exists())
        .collect();
    let mut stack = vec![dir];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files
}

/// Yew and the browser's types stay where the page is: the components
/// (`ui`, their own elements), the mounting (`embed`, the host page), the
/// pack reader's wasm (`reader`, its one export), and three bridges to
/// JavaScript (`math`: its Math; `read` and `story`: reading JS values). The model, the state, the view model and the image
/// writer know none of them, so they run and are tested natively.
#[test]
fn yew_and_the_browser_stay_in_ui_and_embed() {
    const WEB: [&str; 5] = ["yew", "web_sys", "wasm_bindgen", "js_sys", "gloo"];
    const PAGE: [&str; 6] = ["ui", "embed", "reader", "math", "read", "story"];
    assert!(files_of("view").len() > 5, "{:?}", files_of("view"));
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut checked = 0;
    for entry in fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if PAGE.contains(&name.as_str()) || name == "lib" || name == "bin" || path.is_dir() {
            continue;
        }
        for file in files_of(&name) {
            let text = fs::read_to_string(&file).unwrap();
            for word in WEB {
                assert!(
                    !text.contains(word),
                    "{} mentions {word}: only {PAGE:?} may",
                    file.display()
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 30, "files checked: {checked}");
}

#[test]
fn a_deliberate_circle_is_found() {
    let mut graph = Graph::new();
    graph.entry("model".into()).or_default().insert("ui".into());
    graph.entry("ui".into()).or_default().insert("model".into());
    graph.entry("words".into()).or_default();
    let found = circles(&graph);
    assert_eq!(found.len(), 1);
    assert!(found.iter().next().unwrap().contains("model"));
}

#[test]
fn use_trees_are_expanded() {
    let mut got = expand("crate::{config::Config, story::{Story, View}, words}");
    got.sort();
    assert_eq!(
        got,
        [
            "crate::config::Config",
            "crate::story::Story",
            "crate::story::View",
            "crate::words"
        ]
    );
}
