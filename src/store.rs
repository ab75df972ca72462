//! Shares one explainer's state between its components and the host page's
//! handle. Every change goes through `dispatch`, so the handle's `state()` is
//! always current, even before the next frame is painted.

use crate::state::{Action, Explainer, Snapshot};
use std::cell::RefCell;
use std::rc::Rc;

type Listener = Rc<dyn Fn()>;

struct Inner {
    state: RefCell<Explainer>,
    listener: RefCell<Option<Listener>>,
}

/// A cheap-to-clone handle on one explainer's state.
#[derive(Clone)]
pub struct Store(Rc<Inner>);

impl Store {
    /// Wraps a fresh state.
    pub fn new(state: Explainer) -> Self {
        Store(Rc::new(Inner {
            state: RefCell::new(state),
            listener: RefCell::new(None),
        }))
    }

    /// Applies an action and tells the listener when something visible changed.
    pub fn dispatch(&self, action: Action) {
        let changed = self.0.state.borrow_mut().reduce(action);
        if changed {
            // Clone out first: the listener may re-enter the store.
            let listener = self.0.listener.borrow().clone();
            if let Some(listener) = listener {
                listener();
            }
        }
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
}

impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
