//! Text in an image without a browser to measure it: widths estimated from
//! the font size (the same on every machine, so the browser and the native
//! render break lines alike), and XML escaping.

/// Average advance of a character, in ems, in the system sans-serif fonts
/// (a little generous, so a line fits whichever font the viewer has).
const EM: f64 = 0.56;
/// And in bold.
const BOLD_EM: f64 = 0.62;

/// The estimated width of `text` at `size` px.
pub fn width(text: &str, size: f64, bold: bool) -> f64 {
    text.chars().count() as f64 * size * if bold { BOLD_EM } else { EM }
}

/// `text` broken at spaces into lines no wider than `max` px (a word longer
/// than a line keeps a line of its own).
pub fn wrap(text: &str, max: f64, size: f64, bold: bool) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    // No-break spaces (French puts a narrow one before `:` and `%`) hold.
    let breaks = |c: char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}');
    for word in text.split(breaks).filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if width(&candidate, size, bold) > max && !line.is_empty() {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Text safe in XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fit_and_keep_every_word_in_order() {
        let text = "My friend, We are totally in line on Syria. We can do great things on Iran.";
        let lines = wrap(text, 200.0, 17.0, false);
        assert!(lines.len() > 1);
        for line in &lines {
            assert!(
                width(line, 17.0, false) <= 200.0 || !line.contains(' '),
                "{line}"
            );
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn a_long_word_keeps_a_line_of_its_own() {
        assert_eq!(
            wrap("a Rindfleischetikettierungsgesetz b", 50.0, 17.0, false).len(),
            3
        );
        assert!(wrap("", 50.0, 17.0, false).is_empty());
    }

    #[test]
    fn no_break_spaces_hold() {
        let lines = wrap("Source\u{202f}: ANI 20\u{a0}janv.", 60.0, 17.0, false);
        assert_eq!(lines, ["Source\u{202f}:", "ANI", "20\u{a0}janv."]);
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;"
        );
    }
}
