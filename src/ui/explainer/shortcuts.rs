//! The explainer's keyboard shortcuts, as a pure function: Space plays or
//! pauses and the arrows move a day, while focus is inside the explainer and
//! not in a control that uses those keys itself.

use crate::state::Action;

/// What a key press does, if anything. `modified` is any of Alt, Ctrl, Meta
/// or Shift (the browser's own shortcuts, such as Alt+← for Back, are left
/// alone); `tag` is the focused element's tag name, upper case.
pub fn shortcut(key: &str, modified: bool, tag: &str) -> Option<Action> {
    if modified {
        return None;
    }
    let typing = matches!(tag, "INPUT" | "SELECT" | "TEXTAREA");
    let pressable = matches!(tag, "BUTTON" | "A" | "SUMMARY");
    match key {
        " " if !typing && !pressable => Some(Action::TogglePlay),
        "ArrowLeft" if !typing => Some(Action::Step(-1)),
        "ArrowRight" if !typing => Some(Action::Step(1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn space_toggles_playback_outside_controls() {
        assert_eq!(shortcut(" ", false, "DIV"), Some(Action::TogglePlay));
        assert_eq!(shortcut(" ", false, "SECTION"), Some(Action::TogglePlay));
        for tag in ["BUTTON", "A", "SUMMARY", "INPUT", "SELECT", "TEXTAREA"] {
            assert_eq!(shortcut(" ", false, tag), None, "{tag}");
        }
    }

    #[test]
    fn arrows_step_a_day_except_while_typing_or_with_modifiers() {
        assert_eq!(
            shortcut("ArrowLeft", false, "BUTTON"),
            Some(Action::Step(-1))
        );
        assert_eq!(shortcut("ArrowRight", false, "DIV"), Some(Action::Step(1)));
        assert_eq!(shortcut("ArrowRight", false, "INPUT"), None);
        assert_eq!(shortcut("ArrowLeft", true, "DIV"), None);
        assert_eq!(shortcut("Enter", false, "DIV"), None);
    }
}
