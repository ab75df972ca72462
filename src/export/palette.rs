//! The image's colours: the stylesheet's palettes (www/backchannel.css),
//! light and dark, as values, since an exported SVG carries no stylesheet.

/// Light or dark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn parse(s: &str) -> Option<Theme> {
        match s {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

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

pub fn colours(theme: Theme) -> Colours {
    match theme {
        Theme::Light => Colours {
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
