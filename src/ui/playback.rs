//! The playback clock: while playing, one animation frame after another sends
//! the elapsed time to the store. Dropping the effect cancels the frame, so
//! nothing runs once playback stops or the explainer goes away.

use crate::store::Store;
use yew::prelude::*;

/// Drives `Action::Advance` from animation frames while `playing`.
#[hook]
pub fn use_playback(store: Store, playing: bool) {
    use_effect_with((store, playing), |(store, playing)| {
        #[cfg(target_arch = "wasm32")]
        let running = playing.then(|| frames::start(store.clone()));
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (store, playing);
        move || {
            #[cfg(target_arch = "wasm32")]
            if let Some(running) = running {
                running.stop();
            }
        }
    });
}

#[cfg(target_arch = "wasm32")]
mod frames {
    use crate::state::Action;
    use crate::store::Store;
    use gloo_render::{request_animation_frame, AnimationFrame};
    use std::cell::RefCell;
    use std::rc::Rc;

    /// The pending frame. Each frame schedules the next one; `stop` drops the
    /// pending frame (cancelling it) and so breaks the chain.
    pub struct Running(Rc<RefCell<Option<AnimationFrame>>>);

    impl Running {
        pub fn stop(self) {
            self.0.borrow_mut().take();
        }
    }

    pub fn start(store: Store) -> Running {
        let slot = Rc::new(RefCell::new(None));
        schedule(slot.clone(), store, None);
        Running(slot)
    }

    fn schedule(slot: Rc<RefCell<Option<AnimationFrame>>>, store: Store, last: Option<f64>) {
        let next = slot.clone();
        let frame = request_animation_frame(move |now| {
            if let Some(last) = last {
                // Advancing the clock is never refused.
                let _ = store.dispatch(Action::Advance { ms: now - last });
            }
            // Playback may have stopped inside dispatch; only go on if the
            // effect still holds a frame slot.
            if next.borrow().is_some() {
                schedule(next, store, Some(now));
            }
        });
        *slot.borrow_mut() = Some(frame);
    }
}
