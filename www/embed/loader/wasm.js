// The wasm: compiled once per page, one instance per explainer.
import { GLUE, WASM, READER_GLUE, READER_WASM, here, INLINE } from './build.js';

/**
 * A wasm file compiled (`file` beside the loader, or the single-file
 * build's `bytes`). Failures are said in one sentence a newsroom developer
 * can act on: no WebAssembly, HTTP errors, the wrong MIME type (a server or
 * CDN that answers with an HTML page), a damaged file.
 */
async function load(file, bytes) {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.compileStreaming !== 'function') {
    throw new Error('this browser cannot run WebAssembly');
  }
  if (INLINE) return WebAssembly.compile(bytes);
  const url = new URL(file, here);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url.pathname} (HTTP ${response.status})`);
  const type = (response.headers.get('content-type') ?? '').split(';')[0].trim();
  if (type !== 'application/wasm') {
    throw new Error(`${url.pathname} is served as ${type || 'no type'}, not application/wasm`);
  }
  try {
    return await WebAssembly.compileStreaming(response);
  } catch (error) {
    throw new Error(`${url.pathname} is damaged or incomplete (${error.message})`);
  }
}

/**
 * The explainer's wasm, compiled once for the page. Each explainer then
 * runs in its own instance of it (its own memory and glue), so a crash in
 * one cannot take the others down.
 */
let compiled;
const compile = () => (compiled ??= load(WASM, INLINE?.wasm));

/**
 * The pack reader (reader.js: its own small wasm, src/reader.rs), loaded
 * the first time a host's own story pack or a JSON config is read, never
 * for the built-in story as the attributes ask for it. One instance for
 * the page: it keeps nothing between packs. One that failed to load or
 * stopped is let go, and the next pack loads it anew.
 */
let reader;
function packReader() {
  reader ??= (async () => {
    const module = await load(READER_WASM, INLINE?.reader.wasm);
    const glue = await import(INLINE ? URL.createObjectURL(INLINE.reader.glue) : new URL(READER_GLUE, here).href);
    await glue.default({ module_or_path: module });
    return glue;
  })();
  return reader;
}

/** `value` read by the pack reader's `check` (checkPack or checkConfig). */
async function read(check, value, what) {
  try {
    return (await packReader())[check](value);
  } catch (error) {
    reader = undefined;
    throw new Error(`the ${what} could not be read (${error.message})`);
  }
}

/**
 * A story pack (JSON text or an object) read and checked by the pack
 * reader: `{ ok, summary, problems, bytes }` when it passes (`bytes`, the
 * story baked for the explainer), else `{ ok: false, problems, refused }`.
 */
export const checkPack = (pack) => read('checkPack', pack, 'story pack');

/** A config's JSON text read by the pack reader: `{ bytes }` or `{ refused }`. */
export const checkConfig = (text) => read('checkConfig', text, 'config');

/** Live instances, `{ glue, exports }` (a crashed one is dropped); idle ones also wait in `idle`. */
const instances = [];
const idle = [];
let made = 0;

/**
 * An instance for one explainer: an idle one (left by a torn-down explainer,
 * so mounting and removing does not grow memory), else a new one. A module
 * is evaluated once per URL, so each instance after the first imports the
 * glue under its own query string to get glue state of its own.
 */
export async function acquire() {
  const reused = idle.pop();
  if (reused) return reused;
  // Numbered before any await: explainers starting together get apart.
  const n = made++;
  const module = await compile();
  const url = new URL(GLUE, here);
  if (n > 0) url.searchParams.set('instance', String(n));
  // Inline, each instance's glue is a blob URL of its own.
  const glue = await import(INLINE ? URL.createObjectURL(INLINE.glue) : url.href);
  glue.Handle.prototype.exportPng ??= exportPng;
  glue.Handle.prototype.loadPack ??= loadPack;
  const instance = { glue, exports: await glue.default({ module_or_path: module }) };
  instances.push(instance);
  return instance;
}

/**
 * The handle's `exportPng(scale, options)`: the view's SVG (`exportSvg`,
 * the same options) drawn at `scale` (1 to 4, default 2) on an offscreen
 * canvas, as a PNG Blob. Drawn by the browser from the SVG text, so the
 * image and the SVG cannot disagree.
 */
async function exportPng(scale = 2, options) {
  if (!(scale >= 1 && scale <= 4)) throw new Error(`backchannel: exportPng: scale ${scale} is not between 1 and 4`);
  const svg = this.exportSvg(options);
  const [, width, height] = svg.match(/viewBox="0 0 (\d+) (\d+)"/).map(Number);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const [w, h] = [Math.round(width * scale), Math.round(height * scale)];
  // OffscreenCanvas where there is one (Safari before 16.4 has none).
  const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(w, h) : Object.assign(document.createElement('canvas'), { width: w, height: h });
  canvas.getContext('2d').drawImage(image, 0, 0, w, h);
  return canvas.convertToBlob
    ? canvas.convertToBlob({ type: 'image/png' })
    : new Promise((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error('backchannel: exportPng: the canvas gave no image'))), 'image/png'));
}

/** Gives an instance back for the next explainer (a crashed one is no longer the entry's). */
export function giveBack(instance) {
  if (instance && !idle.includes(instance)) idle.push(instance);
}

/**
 * The handle's `loadPack(pack)`: tells another story, from a pack object
 * (or its JSON text), once the pack reader has read and checked it;
 * resolves once the explainer has taken it (`backchannel:ready` follows
 * when it shows), rejects with the refusal (which the explainer also
 * shows, logs and dispatches as `backchannel:error`).
 */
async function loadPack(pack) {
  // A pack reader that does not load is refused the same way, in the element.
  const checked = await checkPack(pack).catch((error) => ({ refused: { field: 'pack', problem: error.message } }));
  this.__showPack(checked);
}

/**
 * Checks a story pack (JSON text or an object) with the explainer's own
 * rules: `{ ok, summary, problems: [{ path, problem }] }`, the same problems
 * `validate-pack` prints. Used by the editor page (pack-editor.html).
 */
export async function validatePack(pack) {
  const { ok, summary, problems } = await checkPack(pack);
  return { ok, summary, problems };
}

/**
 * Bytes of wasm memory the explainers' instances hold (0 before the first
 * one loads; a crashed one is let go), for hosts and tests that watch long
 * sessions; wasm memory never shrinks, so a steady value means torn-down
 * explainers' instances are reused, not leaked.
 */
export function wasmMemoryBytes() {
  return instances.reduce((sum, i) => sum + i.exports.memory.buffer.byteLength, 0);
}

/** A crashed instance: never reused, and let go for the garbage collector. */
export function drop(instance) {
  const i = instances.indexOf(instance);
  if (i >= 0) instances.splice(i, 1);
}
