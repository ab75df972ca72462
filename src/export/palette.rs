//! The image's colours: the stylesheet's palettes (www/backchannel.css),
//! light and dark, as values, since an exported SVG carries no stylesheet.
//! The tests below read the stylesheet's custom properties, so a colour
//! changed on one side only fails them.

use crate::config::Theme;

pub struct Colours {
    pub ink: &'static str,
    pub muted: &'static str,
    pub line: &'static str,
    pub paper: &'static str,
    pub card: &'static str,
    pub private: &'static str,
    pub public: &'static str,
    pub model: &'static str,
    pub quoted: &'static str,
    pub series: &'static str,
    pub baseline: &'static str,
    pub event: &'static str,
}

/// The palette of `theme`. An image has no reader whose setting it could
/// follow: a caller resolves `Auto` first (the download button by the
/// reader's setting at that moment); left unresolved it is light, the
/// explainer's own default.
pub fn colours(theme: Theme) -> Colours {
    match theme {
        Theme::Light | Theme::Auto => Colours {
            ink: "#1d1d1f",
            muted: "#55585e",
            line: "#d9dbe0",
            paper: "#ffffff",
            card: "#f5f6f8",
            private: "#1b5e8c",
            public: "#a8421a",
            model: "#5b4a8b",
            quoted: "#4b5563",
            series: "#0072b2",
            baseline: "#55585e",
            event: "#a8421a",
        },
        Theme::Dark => Colours {
            ink: "#ececef",
            muted: "#b3b6bd",
            line: "#3b3e45",
            paper: "#16171a",
            card: "#202227",
            private: "#8cc4ec",
            public: "#f3a27c",
            model: "#c3b5f0",
            quoted: "#c9ccd3",
            series: "#56b4e9",
            baseline: "#b3b6bd",
            event: "#f3a27c",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    type Props = BTreeMap<String, String>;

    /// Every custom property (`--bc-…: value`) of the stylesheet, with the
    /// rule it is set in: its selector, and the `@media` around it, if any.
    fn custom_properties(css: &str) -> Vec<(Vec<String>, String, String)> {
        let mut css = css.to_string();
        while let Some(start) = css.find("/*") {
            let end = css[start..].find("*/").map_or(css.len(), |e| start + e + 2);
            css.replace_range(start..end, "");
        }
        let (mut stack, mut buf, mut out) = (Vec::<String>::new(), String::new(), Vec::new());
        let mut flush = |stack: &Vec<String>, buf: &mut String| {
            if let Some((name, value)) = buf.trim().split_once(':') {
                if name.starts_with("--bc-") {
                    out.push((stack.clone(), name.to_string(), value.trim().to_string()));
                }
            }
            buf.clear();
        };
        for c in css.chars() {
            match c {
                '{' => {
                    stack.push(buf.trim().to_string());
                    buf.clear();
                }
                '}' => {
                    flush(&stack, &mut buf);
                    stack.pop();
                }
                ';' => flush(&stack, &mut buf),
                _ => buf.push(c),
            }
        }
        out
    }

    /// The custom properties in force on the explainer's root under each
    /// theme: light (the root's own), dark (the dark class over it) and
    /// auto on a dark device (the media query's copy over it).
    fn themes() -> (Props, Props, Props) {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/backchannel.css");
        let css = std::fs::read_to_string(path).unwrap();
        let (mut light, mut dark, mut auto) = (Props::new(), Props::new(), Props::new());
        for (rule, name, value) in custom_properties(&css) {
            let selector = rule.last().map(String::as_str).unwrap_or("");
            let dark_device = rule.len() == 2 && rule[0].contains("prefers-color-scheme: dark");
            if rule.len() == 1 && selector.contains(".bc-root") && !selector.contains("bc-theme") {
                light.insert(name, value);
            } else if rule.len() == 1 && selector.contains(".bc-theme-dark") {
                dark.insert(name, value);
            } else if dark_device && selector.contains(".bc-theme-auto") {
                auto.insert(name, value);
            }
        }
        let over = |theme: Props| {
            let mut all = light.clone();
            all.extend(theme);
            all
        };
        let (dark, auto) = (over(dark), over(auto));
        (light, dark, auto)
    }

    /// Each colour of the image and the custom property the screen draws
    /// the same thing with.
    fn pairs(c: &Colours) -> [(&'static str, &'static str); 12] {
        [
            (c.ink, "--bc-ink"),
            (c.muted, "--bc-muted"),
            (c.line, "--bc-line"),
            (c.paper, "--bc-paper"),
            (c.card, "--bc-panel"),
            (c.private, "--bc-private"),
            (c.public, "--bc-public"),
            (c.model, "--bc-model"),
            (c.quoted, "--bc-quoted"),
            (c.series, "--bc-series"),
            (c.baseline, "--bc-baseline"),
            (c.event, "--bc-event"),
        ]
    }

    #[test]
    fn the_image_uses_the_screens_colours_in_both_themes() {
        let (light, dark, auto) = themes();
        assert!(light.len() > 15, "light: {light:?}");
        // The stylesheet's two copies of the dark palette (chosen, and auto
        // on a dark device) agree, so either is the screen's dark.
        assert_eq!(
            dark, auto,
            "the dark theme and auto on a dark device differ"
        );
        assert_ne!(light, dark);
        for (theme, css) in [(Theme::Light, &light), (Theme::Dark, &dark)] {
            for (colour, property) in pairs(&colours(theme)) {
                assert_eq!(
                    Some(colour),
                    css.get(property).map(String::as_str),
                    "{theme:?} {property}: the image and www/backchannel.css differ"
                );
            }
        }
    }

    #[test]
    fn custom_properties_are_read_with_their_rule() {
        let css = "/* a { --bc-x: #000; } */ .bc-root { --bc-ink: #111; color: red; }\n\
                   @media (prefers-color-scheme: dark) { .bc-theme-auto { --bc-ink: #eee; } }";
        let props = custom_properties(css);
        assert_eq!(props.len(), 2, "{props:?}");
        assert_eq!(props[0].0, [".bc-root"]);
        assert_eq!(
            (props[0].1.as_str(), props[0].2.as_str()),
            ("--bc-ink", "#111")
        );
        assert_eq!(props[1].0.len(), 2);
        assert_eq!(props[1].2, "#eee");
    }
}
