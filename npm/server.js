// backchannel-explainer on a server (Node, Deno, edge runtimes; the
// package's `exports` conditions): the same names, touching no window or
// document, so a page that imports the package can be rendered there. The
// element mounts only in a browser, where index.js registers it.

/** No DOM here: nothing to register. */
export function define() {
  return undefined;
}

/** No DOM here: nothing to upgrade. */
export function upgrade() {}

/** Needs the explainer's wasm, which runs in a browser. */
export async function validatePack() {
  throw new Error('backchannel: validatePack runs in a browser (use `cargo run --bin validate-pack` elsewhere)');
}

/** No explainer runs here. */
export function wasmMemoryBytes() {
  return 0;
}
