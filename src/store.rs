//! Shares one explainer's state between its components and the host page's
//! handle. Every change goes through it (`dispatch`, or `input` for a
//! reader's, whose render waits for the input's own paint), so the handle's
//! `state()` is always current, even before the next frame is painted. It also
//! derives the notices a host page hears about (made public, scenario chosen,
//! story completed) by comparing the state before and after each action.

use crate::error::InputError;
use crate::state::{Action, Explainer, Snapshot};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Hears that something visible changed, and whether a reader's input
/// changed it (`Store::input`): its render may wait for the input's own
/// paint.
type Listener = Rc<dyn Fn(bool)>;
type NoticeListener = Rc<dyn Fn(&Notice)>;

/// A meaningful reader action, for the host page's analytics.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The message in view was made public or private again.
    Public { message: String, public: bool },
    /// Another scenario is shown.
    Scenario { scenario: String },
    /// The reader reached the story's last beat (once).
    Complete { beat: String },
}

struct Inner {
    state: RefCell<Explainer>,
    listener: RefCell<Option<Listener>>,
    notices: RefCell<Option<NoticeListener>>,
    completed: Cell<bool>,
}

/// A cheap-to-clone handle on one explainer's state.
#[derive(Clone)]
pub struct Store(Rc<Inner>);

/// What notices are derived from.
#[derive(PartialEq)]
struct Watched {
    public: bool,
    message: String,
    scenario: String,
    last_beat: bool,
    beat: String,
}

impl Watched {
    fn of(s: &Explainer) -> Self {
        let (n, beat) = s.beat();
        Watched {
            public: s.public(),
            message: s.message().id.clone(),
            scenario: s.scenario().to_string(),
            last_beat: n + 1 == s.story().beats.len(),
            beat: beat.id.clone(),
        }
    }
}

impl Store {
    /// Wraps a fresh state.
    pub fn new(state: Explainer) -> Self {
        Store(Rc::new(Inner {
            state: RefCell::new(state),
            listener: RefCell::new(None),
            notices: RefCell::new(None),
            completed: Cell::new(false),
        }))
    }

    /// Applies an action and tells the listener when something visible
    /// changed; a refused action is returned as its error.
    pub fn dispatch(&self, action: Action) -> Result<(), InputError> {
        self.apply(action, false)
    }

    /// Applies a reader's input (a tap, a key, a drag), as `dispatch`.
    pub fn input(&self, action: Action) -> Result<(), InputError> {
        self.apply(action, true)
    }

    fn apply(&self, action: Action, input: bool) -> Result<(), InputError> {
        let watching =
            self.0.notices.borrow().is_some() && !matches!(action, Action::Advance { .. });
        let before = watching.then(|| self.read(Watched::of));
        let result = self.0.state.borrow_mut().reduce(action);
        // A refused parameter still changes what the panel shows (its error).
        if !matches!(result, Ok(false)) {
            // Clone out first: the listener may re-enter the store.
            let listener = self.0.listener.borrow().clone();
            if let Some(listener) = listener {
                listener(input);
            }
        }
        if let Some(before) = before {
            let after = self.read(Watched::of);
            for notice in self.notices_between(&before, &after) {
                let notify = self.0.notices.borrow().clone();
                if let Some(notify) = notify {
                    notify(&notice);
                }
            }
        }
        result.map(|_| ())
    }

    fn notices_between(&self, before: &Watched, after: &Watched) -> Vec<Notice> {
        let mut out = Vec::new();
        if before.scenario != after.scenario {
            out.push(Notice::Scenario {
                scenario: after.scenario.clone(),
            });
        }
        if before.public != after.public && before.message == after.message {
            out.push(Notice::Public {
                message: after.message.clone(),
                public: after.public,
            });
        }
        if after.last_beat && !before.last_beat && !self.0.completed.replace(true) {
            out.push(Notice::Complete {
                beat: after.beat.clone(),
            });
        }
        out
    }

    /// Reads the state.
    pub fn read<R>(&self, f: impl FnOnce(&Explainer) -> R) -> R {
        f(&self.0.state.borrow())
    }

    /// The state for the host page.
    pub fn snapshot(&self) -> Snapshot {
        self.read(Explainer::snapshot)
    }

    /// Sets the one listener (the root component's re-render).
    pub fn subscribe(&self, listener: Listener) {
        *self.0.listener.borrow_mut() = Some(listener);
    }

    /// Removes the listener (on unmount).
    pub fn unsubscribe(&self) {
        self.0.listener.borrow_mut().take();
    }

    /// Sets who hears the notices (the embed, which turns them into DOM events).
    pub fn on_notice(&self, listener: NoticeListener) {
        *self.0.notices.borrow_mut() = Some(listener);
    }
}

impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Params;
    use crate::story::Story;

    fn store() -> (Store, Rc<RefCell<Vec<Notice>>>) {
        let e =
            Explainer::new(Rc::new(Story::builtin().unwrap()), Params::default(), false).unwrap();
        let store = Store::new(e);
        let heard = Rc::new(RefCell::new(Vec::new()));
        let sink = heard.clone();
        store.on_notice(Rc::new(move |n: &Notice| sink.borrow_mut().push(n.clone())));
        (store, heard)
    }

    #[test]
    fn making_public_is_heard_with_the_message_and_the_scenario() {
        let (store, heard) = store();
        store.dispatch(Action::SetPublic(true)).unwrap();
        assert_eq!(
            *heard.borrow(),
            [
                Notice::Scenario {
                    scenario: "only-macron".into()
                },
                Notice::Public {
                    message: "macron".into(),
                    public: true
                }
            ]
        );
    }

    #[test]
    fn completion_is_heard_once() {
        let (store, heard) = store();
        store.dispatch(Action::GoToBeat(5)).unwrap();
        store.dispatch(Action::GoToBeat(4)).unwrap();
        store.dispatch(Action::GoToBeat(5)).unwrap();
        let completes = heard
            .borrow()
            .iter()
            .filter(|n| matches!(n, Notice::Complete { .. }))
            .count();
        assert_eq!(completes, 1);
    }

    #[test]
    fn a_refused_action_is_returned_and_heard_as_nothing() {
        let (store, heard) = store();
        assert!(store
            .dispatch(Action::SelectScenario("nope".into()))
            .is_err());
        assert!(heard.borrow().is_empty());
    }

    #[test]
    fn the_listener_hears_visible_changes_only() {
        let (store, _) = store();
        let count = Rc::new(Cell::new(0));
        let input = Rc::new(Cell::new(None));
        let (c, i) = (count.clone(), input.clone());
        store.subscribe(Rc::new(move |by_reader| {
            c.set(c.get() + 1);
            i.set(Some(by_reader));
        }));
        store.dispatch(Action::Pause).unwrap();
        assert_eq!(count.get(), 0);
        store.dispatch(Action::Seek(300.0)).unwrap();
        assert_eq!((count.get(), input.get()), (1, Some(false)));
        store.input(Action::Seek(200.0)).unwrap();
        assert_eq!((count.get(), input.get()), (2, Some(true)));
        store.unsubscribe();
        store.dispatch(Action::Seek(301.0)).unwrap();
        assert_eq!(count.get(), 2);
    }
}
