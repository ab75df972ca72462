//! What a reader sees instead of a blank box when the explainer cannot start
//! (a bad config or parameter): a plain, readable message.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FailureProps {
    /// A short title.
    pub title: AttrValue,
    /// What went wrong, naming the field or parameter.
    pub message: AttrValue,
}

/// A readable error box.
#[component]
pub fn Failure(props: &FailureProps) -> Html {
    html! {
        <div class="bc-root bc-failure" role="alert">
            <p class="bc-failure-title">{ props.title.clone() }</p>
            <p class="bc-failure-message">{ props.message.clone() }</p>
        </div>
    }
}
