//! Quotations in a reader's language: the original stays as it was said,
//! marked with its own `lang` (so screen readers and hyphenation use the
//! right language), and a translation sits beside it, labelled as ours and
//! never inside quotation marks, so nobody takes it for the speaker's words.

use crate::words::Words;
use yew::prelude::*;

/// The translation of the quotation whose strings start with `stem`
/// (`message.<id>`, `expert.<id>.quote.<n>`), if the reader's language
/// has one: only languages other than the quotation's do.
pub fn translation(words: &Words, stem: &str) -> Html {
    match words.try_get(&format!("{stem}.translation")) {
        Some(text) => html! {
            <p class="bc-translation">
                <span class="bc-translation-label">{ words.fill("label.colon", &[("label", words.get("translation.label"))]) }</span>
                { text }
            </p>
        },
        None => Html::default(),
    }
}

/// Where a quotation comes from, worded for the reader's language when the
/// pack does so (`<stem>.source`), else as the pack gives it.
pub fn source<'a>(words: &'a Words, stem: &str, original: &'a str) -> &'a str {
    words.try_get(&format!("{stem}.source")).unwrap_or(original)
}
