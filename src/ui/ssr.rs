//! Yew's server renderer on a single-threaded runtime (the components are
//! not Send): how `make dist` writes the static story and the pre-rendered
//! first view from the live components.

use yew::BaseComponent;

/// `C`'s HTML with `props`, not hydratable (the wasm replaces it).
pub fn render<C: BaseComponent>(props: C::Properties) -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime builds");
    let local = tokio::task::LocalSet::new();
    local.block_on(&runtime, async move {
        yew::LocalServerRenderer::<C>::with_props(props)
            .hydratable(false)
            .render()
            .await
    })
}
