//! When the root renders a change of the state. A reader's input (a tap, a
//! key, a drag) is rendered after the input's own paint: the input events,
//! the state's reply and the browser's paint of the tapped control make one
//! frame; the render (every meter, chart and line it moves) runs in a task
//! queued from the next frame, and its layout and paint come in the frame
//! after. On a phone at 4x CPU a lab scenario change was all of that in one
//! task and one frame, 66 ms or more; split, each part fits in a frame
//! (scripts/bench/motion.mjs and change.mjs). Inputs that come faster than
//! that (a slider dragged, keys held) render once, the last state. Any
//! other change renders at once, as before: the playback clock's (already
//! in an animation frame) and the host page's calls.

/// Wraps `render` so that a call with `later` asks for a render after the
/// next paint, once however many such calls come before it, and any other
/// renders at once. Dropping the result cancels a render still to come.
/// Outside a browser (tests, the server) it always renders at once.
pub fn after_paint(render: impl Fn() + 'static) -> impl Fn(bool) {
    #[cfg(target_arch = "wasm32")]
    {
        let render = std::rc::Rc::new(render);
        let waiting = browser::Slot::default();
        move |later: bool| {
            if !later {
                waiting.borrow_mut().take();
                render();
            } else if waiting.borrow().is_none() {
                browser::after_next_paint(&waiting, render.clone());
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        move |_later: bool| render()
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use gloo_render::{request_animation_frame, AnimationFrame};
    use std::cell::RefCell;
    use std::rc::{Rc, Weak};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    /// What a render waits for, while one does: the next animation frame,
    /// then a task. Dropped, either is cancelled.
    pub type Slot = Rc<RefCell<Option<Wait>>>;

    /// Held only to be dropped.
    #[allow(dead_code)]
    pub enum Wait {
        Frame(AnimationFrame),
        Task(Task),
    }

    /// A task queued with `setTimeout`; dropped, it is cleared.
    pub struct Task {
        id: i32,
        _run: Closure<dyn Fn(JsValue)>,
    }

    impl Drop for Task {
        fn drop(&mut self) {
            if let Some(w) = web_sys::window() {
                w.clear_timeout_with_handle(self.id);
            }
        }
    }

    /// Runs `render` in a task queued from the next animation frame: after
    /// that frame's paint. The slot holds the wait; the callbacks hold the
    /// slot weakly, so that dropping it (unmount) cancels the wait.
    pub fn after_next_paint<F: Fn() + 'static>(slot: &Slot, render: Rc<F>) {
        let weak = Rc::downgrade(slot);
        let frame = request_animation_frame(move |_| queue(weak, render));
        *slot.borrow_mut() = Some(Wait::Frame(frame));
    }

    fn queue<F: Fn() + 'static>(slot: Weak<RefCell<Option<Wait>>>, render: Rc<F>) {
        let (Some(strong), Some(window)) = (slot.upgrade(), web_sys::window()) else {
            return;
        };
        let now = render.clone();
        // Fn(JsValue), as gloo's frames: the same glue serves both.
        let run = Closure::<dyn Fn(JsValue)>::new(move |_| {
            if let Some(slot) = slot.upgrade() {
                // Emptied first, so a change during the render asks again.
                slot.borrow_mut().take();
                render();
            }
        });
        match window.set_timeout_with_callback(run.as_ref().unchecked_ref()) {
            Ok(id) => *strong.borrow_mut() = Some(Wait::Task(Task { id, _run: run })),
            // Never seen; rather a render in this frame than none at all.
            Err(_) => {
                strong.borrow_mut().take();
                now();
            }
        }
    }
}
