//! Saving the view as an image from the browser: the theme the image takes
//! and the file handed to the reader.

use crate::export::{svg, Size, Theme};
use crate::store::Store;
use wasm_bindgen::JsCast;

/// The "Download image" button: the view as a social card, in the
/// explainer's theme, saved as `backchannel.svg`.
pub fn save_view(store: &Store) {
    let image = store.read(|s| svg(s, image_theme(s.theme()), Size::Social));
    save("backchannel.svg", "image/svg+xml", &image);
}

/// The image's theme for the explainer's: `Auto` follows the reader's
/// setting at the moment of saving.
pub fn image_theme(theme: Theme) -> Theme {
    let dark = theme == Theme::Dark
        || (theme == Theme::Auto
            && web_sys::window()
                .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
                .is_some_and(|m| m.matches()));
    if dark {
        Theme::Dark
    } else {
        Theme::Light
    }
}

/// Hands `text` to the reader as a file named `name`: a data URL on a
/// link that is never in the page (no object URL to revoke later).
pub fn save(name: &str, mime: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(link) = document.create_element("a") else {
        return;
    };
    let href = format!(
        "data:{mime};charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(text))
    );
    let _ = link.set_attribute("href", &href);
    let _ = link.set_attribute("download", name);
    link.unchecked_into::<web_sys::HtmlElement>().click();
}
