// Backchannel loader (dist/backchannel.js). A stable-named module that
// upgrades every <backchannel-explainer> element, and every <div
// data-backchannel>, on the page: each gets a shadow root with its own styles,
// keeps its fallback content until the explainer is ready, reserves its
// height, loads the wasm only when it comes near the viewport, and pauses when
// it leaves it or the tab is hidden. It uses no inline script or style, and
// requests nothing but its own files (and a config or story pack URL the
// host names, on the page's origin or the explainer's).
//
// scripts/postbuild.mjs fills in the hashed file names and the fallback text.
//
// The modules under loader/, bundled into one file by make dist: build.js
// (what make dist fills in), wasm.js (compiling, one instance per
// explainer), locales.js, inputs.js (what the element asks for),
// fallback.js, space.js (the reserved height), failure.js, prerender.js
// (the pre-rendered first view) and element.js (upgrading, starting,
// tearing down), which registers the element on import.
export { upgrade } from './loader/element.js';
export { validatePack, wasmMemoryBytes } from './loader/wasm.js';
