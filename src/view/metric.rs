//! Values the views share and compare cheaply: model runs and the story by
//! pointer (a view re-renders when they change, not on every tick of the
//! clock), and the events marked on the time axis.

use crate::model::Trajectory;
use crate::story::Story;
use std::ops::Deref;
use std::rc::Rc;

pub use crate::model::Output;

/// A model run shared between components and compared by pointer.
#[derive(Clone, Debug)]
pub struct RunRef(pub Rc<Trajectory>);

impl PartialEq for RunRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The story, shared and compared by pointer: it never changes while an
/// explainer shows it.
#[derive(Clone, Debug)]
pub struct StoryRef(pub Rc<Story>);

impl PartialEq for StoryRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for StoryRef {
    type Target = Story;
    fn deref(&self) -> &Story {
        &self.0
    }
}

/// An event marked on the time axis ("<name>'s text posted" and its date).
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// Model day of the event.
    pub day: u32,
    /// Short label, already in the reader's language.
    pub label: String,
}
