//! The message itself: a private chat bubble that becomes the screenshot
//! inside a public post. The bubble is one element in both views, so the
//! reader sees *this* message become *that* post (a FLIP transform of its
//! position, size, corners and colour). The switch sits inside the card,
//! right under the bubble, so the act and its object share one screen. A
//! reader of another language gets our translation right under the bubble,
//! outside it: the bubble (the screenshot, once public) holds only the words
//! as sent, and the translation is plainly ours.

use super::quote::{source, translation};
use super::use_words;
use crate::story::quote_lang;
use crate::view::metric::StoryRef;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MessageProps {
    /// The story holding the message.
    pub story: StoryRef,
    /// Which of the story's messages to show.
    pub index: usize,
    /// Private chat (false) or public post (true).
    pub public: bool,
    /// Skip the transform when the reader asked for less motion.
    pub reduced_motion: bool,
    /// What goes under the bubble (the switch).
    #[prop_or_default]
    pub children: Html,
}

/// The message in its private or public form.
#[component]
pub fn MessageCard(props: &MessageProps) -> Html {
    let words = use_words();
    let bubble = use_node_ref();
    use_flip(bubble.clone(), props.public, props.reduced_motion);
    let Some(m) = props.story.messages.get(props.index) else {
        return Html::default();
    };
    let public = props.public;
    let story = &props.story;
    let role = words.get(&format!("sender.{}.role", m.sender)).to_string();
    let sender = story
        .senders
        .get(m.sender_index)
        .map_or(m.sender.as_str(), |s| s.name.as_str());
    let stem = format!("message.{}", m.id);
    let sent = match m.sent {
        Some(date) => date.label(&words),
        None => words.fill("message.sent_before", &[("date", &m.posted.label(&words))]),
    };
    html! {
        <figure class={classes!("bc-message", public.then_some("is-public"))}>
            if public {
                <div class="bc-post-head">
                    <span class="bc-avatar" aria-hidden="true">{ initial(&m.poster) }</span>
                    <span class="bc-post-who">
                        <span class="bc-post-name">{ m.poster.clone() }</span>
                        <span class="bc-post-handle">{ m.poster_handle.clone() }</span>
                    </span>
                    <span class="bc-post-platform">
                        { words.fill("post.platform", &[("platform", &m.platform)]) }
                    </span>
                    if !m.caption.is_empty() {
                        <p class="bc-post-caption" lang={quote_lang(&m.lang).to_string()}>{ m.caption.clone() }</p>
                        { translation(&words, &(stem.clone() + ".caption")) }
                    }
                </div>
            } else {
                <div class="bc-chat-head">
                    { lock_icon() }
                    <span class="bc-chat-title">{ words.get("message.lock") }</span>
                    <dl class="bc-chat-meta">
                        <dt>{ words.get("message.from") }</dt>
                        <dd>{ format!("{sender}, {role}") }</dd>
                        <dt>{ words.get("message.to") }</dt>
                        <dd>{ m.recipient.clone() }</dd>
                        <dt>{ words.get("message.sent") }</dt>
                        <dd>{ sent }</dd>
                    </dl>
                </div>
            }
            <div class="bc-bubble" ref={bubble}>
                if public {
                    <p class="bc-bubble-label">{ words.get("post.screenshot") }</p>
                }
                <p class="bc-bubble-sender">{ sender }</p>
                <blockquote class="bc-bubble-text" lang={quote_lang(&m.lang).to_string()}>{ m.text.clone() }</blockquote>
            </div>
            { translation(&words, &stem) }
            <p class={classes!("bc-cue", if public { "is-public" } else { "is-private" })}>
                { if public { words.get("post.public_cue") } else { words.get("message.private_cue") } }
            </p>
            { props.children.clone() }
            <figcaption class="bc-message-foot">
                <span class="bc-badge bc-badge-quoted">{ words.get("badge.quoted") }</span>
                { " " }{ words.fill("label.colon", &[("label", words.get("source.label"))]) }
                { source(&words, &stem, &m.source) }
            </figcaption>
        </figure>
    }
}

fn initial(name: &str) -> String {
    name.chars().next().map(String::from).unwrap_or_default()
}

fn lock_icon() -> Html {
    html! {
        <svg class="bc-lock" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <rect x="3" y="7" width="10" height="8" rx="1.5" />
            <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke-width="1.6" />
        </svg>
    }
}

/// After the view flips, animates the bubble from where and how it was to
/// where and how it is (First, Last, Invert, Play), then keeps the card's
/// top on screen. Positions are offsets inside the card, so page scrolling
/// between flips does not matter.
#[hook]
fn use_flip(bubble: NodeRef, public: bool, reduced_motion: bool) {
    #[cfg(target_arch = "wasm32")]
    {
        let last = use_mut_ref(|| None::<crate::ui::motion::Shape>);
        use_effect_with(public, move |_| {
            let mut running = None;
            if let Some(el) = bubble.cast::<web_sys::HtmlElement>() {
                let now = crate::ui::motion::Shape::of(&el);
                let before = last.borrow_mut().replace(now.clone());
                if let Some(before) = before {
                    if !reduced_motion {
                        running = crate::ui::motion::flip(&el, &before, &now);
                    }
                    crate::ui::motion::keep_in_view(&el);
                }
            }
            // Unmounted (the host's destroy(), a restart) or flipped back
            // mid-morph: the morph stops with what it animated.
            move || {
                if let Some(animation) = running {
                    crate::ui::motion::cancel(&animation);
                }
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (bubble, public, reduced_motion);
}
