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
const GLUE = '__BACKCHANNEL_GLUE__';
const WASM = '__BACKCHANNEL_WASM__';
const CSS = '__BACKCHANNEL_CSS__';
const FALLBACK = __BACKCHANNEL_FALLBACK__;
// The languages fetched when used (English is inside the wasm).
const LOCALES = '__BACKCHANNEL_LOCALES__';
// The languages the built-in story is told in.
const BUILTIN_LANGUAGES = ['en', ...LOCALES];

const here = new URL('.', import.meta.url);
// The single-file build (make standalone, scripts/standalone.mjs) hands its
// files over inline, `{ wasm: bytes, glue: Blob, css: URL, locales: { code:
// text } }`: a page opened from disk may fetch nothing.
const INLINE = globalThis.BACKCHANNEL_INLINE;

/**
 * The wasm, compiled once for the page. Each explainer then runs in its own
 * instance of it (its own memory and glue), so a crash in one cannot take
 * the others down. Failures are said in one sentence a newsroom developer
 * can act on: no WebAssembly, HTTP errors, the wrong MIME type (a server or
 * CDN that answers with an HTML page), a damaged file.
 */
let compiled;
function compile() {
  compiled ??= (async () => {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.compileStreaming !== 'function') {
      throw new Error('this browser cannot run WebAssembly');
    }
    if (INLINE) return WebAssembly.compile(INLINE.wasm);
    const url = new URL(WASM, here);
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
  })();
  return compiled;
}

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
async function acquire() {
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
function giveBack(instance) {
  if (instance && !idle.includes(instance)) idle.push(instance);
}

/**
 * Checks a story pack (JSON text or an object) with the explainer's own
 * rules: `{ ok, summary, problems: [{ path, problem }] }`, the same problems
 * `validate-pack` prints. Used by the editor page (pack-editor.html).
 */
export async function validatePack(pack) {
  const instance = await acquire();
  try {
    return instance.glue.validatePack(pack);
  } finally {
    giveBack(instance);
  }
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

/**
 * Fetches a config or a story pack the host named by URL. Only the page's
 * own origin and the explainer's are allowed: the explainer requests nothing
 * from anyone else's servers.
 */
async function fetchText(url, what) {
  const target = new URL(url, document.baseURI);
  if (target.origin !== location.origin && target.origin !== here.origin) {
    return { error: `${url} is on another origin (${target.origin}); a ${what} must come from this page's origin or the explainer's` };
  }
  try {
    const response = await fetch(target, { credentials: 'same-origin' });
    if (!response.ok) return { error: `could not load ${url} (HTTP ${response.status})` };
    return { text: await response.text() };
  } catch (error) {
    return { error: `could not load ${url} (${error.message})` };
  }
}

/** The element's inline config, a JSON script child, if it has one. */
const inlineConfig = (host) => host.querySelector(':scope > script[type="application/json"]');

/**
 * What the element asks for by data: its config (an inline JSON script
 * child, or the `config` URL) and its story pack (the `pack` URL, or the
 * config's `pack` field). Texts go to the explainer, which checks them. A
 * URL that does not load is `unloaded`, `{ field, message }`: the explainer
 * cannot tell the story as asked, so it does not start (cannotStart).
 */
async function readInputs(host) {
  const out = {};
  const inline = inlineConfig(host);
  const configUrl = host.getAttribute('config');
  if (inline) {
    out.config = inline.textContent;
  } else if (configUrl) {
    const { text, error } = await fetchText(configUrl, 'config');
    if (error) return { unloaded: { field: 'config', message: `config: ${error}` } };
    out.config = text;
  }
  let packUrl = host.getAttribute('pack');
  if (!packUrl && out.config) {
    try {
      const field = JSON.parse(out.config)?.pack;
      if (typeof field === 'string') packUrl = field;
    } catch {
      // The explainer reports the bad JSON, naming it.
    }
  }
  if (packUrl) {
    const { text, error } = await fetchText(packUrl, 'story pack');
    if (error) return { unloaded: { field: 'pack', message: `pack: ${error}` } };
    out.pack = text;
  }
  return out;
}

/**
 * A language other than English (its interface strings and the built-in
 * story's), fetched once per page from beside the loader
 * (locales/<code>.json) when a reader or the host first asks for it. The
 * explainer reads a fetched file's text with `localeText`; `fetchLocale`
 * resolves to it.
 */
const localeTexts = new Map();
const localesLoading = new Map();
function fetchLocale(code) {
  if (!localesLoading.has(code)) {
    const url = new URL(`locales/${code}.json`, here);
    const text = INLINE
      ? Promise.resolve(INLINE.locales[code] ?? Promise.reject(new Error(`no ${code} strings in this file`)))
      : fetch(url).then((response) => {
          if (!response.ok) throw new Error(`could not load ${url.pathname} (HTTP ${response.status})`);
          return response.text();
        });
    text.then(
      (t) => localeTexts.set(code, t),
      // A failure is not kept: the next attempt fetches again.
      () => localesLoading.delete(code),
    );
    localesLoading.set(code, text);
  }
  return localesLoading.get(code);
}

const localeText = (code) => localeTexts.get(code);

function forgetLocale(code) {
  localeTexts.delete(code);
  localesLoading.delete(code);
}

/**
 * The language the explainer will start in, by its own rule (the `lang`
 * attribute's primary subtag, else the config's `lang`, among the story's
 * languages; else the story's first), so its strings load with the wasm
 * rather than after it. A guess: when it is wrong the explainer shows
 * English and asks for the right file itself.
 */
function startLanguage(host, inputs) {
  const parse = (text) => {
    try {
      return text ? JSON.parse(text) : undefined;
    } catch {
      return undefined;
    }
  };
  const pack = parse(inputs.pack);
  const told = pack?.strings && typeof pack.strings === 'object' ? Object.keys(pack.strings) : BUILTIN_LANGUAGES;
  const attribute = host.getAttribute('lang')?.split('-')[0].toLowerCase();
  const wanted = [attribute, parse(inputs.config)?.lang].find((code) => told.includes(code));
  return wanted ?? told[0];
}

function report(host, message, field) {
  console.error(`backchannel: ${message}`);
  host.dispatchEvent(
    new CustomEvent('backchannel:error', { bubbles: true, composed: true, detail: { message, field } }),
  );
}

/**
 * The theme the host asked for (the attribute, else an inline config's
 * field), for the fallback box; light unless asked, like the explainer.
 */
function themeOf(host) {
  const asked = host.getAttribute('theme') ?? inlineField(host, 'theme');
  return ['auto', 'dark'].includes(asked) ? asked : 'light';
}

/** A field of the inline config, if there is one and it parses. */
function inlineField(host, name) {
  const inline = inlineConfig(host);
  try {
    return inline ? JSON.parse(inline.textContent)?.[name] : undefined;
  } catch {
    return undefined; // mount reports the bad JSON
  }
}

/** The primary subtag of the host's language (its `lang`, else an inline config's). */
const hostLanguage = (host) => (host.getAttribute('lang') ?? inlineField(host, 'lang') ?? '').split('-')[0].toLowerCase();

/**
 * The fallback's words in the host's language, from that language's file
 * (fetched by `upgrade`: locale data for languages not in use never ships
 * in the loader); English while it is not there, or in a language the
 * build does not have.
 */
function fallbackWords(host) {
  const text = localeText(hostLanguage(host));
  if (text === undefined) return FALLBACK;
  let b;
  try {
    b = JSON.parse(text);
  } catch {
    return FALLBACK;
  }
  const get = (key) => b[key] ?? b[`story:${key}`];
  const fill = (key, values) => Object.entries(values).reduce((t, [k, v]) => t.replaceAll(`{${k}}`, v), get(key) ?? '');
  const translation = get(`message.${FALLBACK.lead}.translation`);
  const words = {
    lang: hostLanguage(host),
    loading: get('fallback.loading'),
    loadingPlain: get('fallback.loading_plain'),
    sentence: get('fallback.sentence'),
    plain: get('fallback.plain'),
    stopped: get('fallback.stopped'),
    translation: translation && fill('label.colon', { label: get('translation.label') }) + translation,
    attribution:
      get('fallback.attribution') &&
      fill('fallback.attribution', {
        sender: FALLBACK.sender,
        recipient: FALLBACK.recipient,
        source: get(`message.${FALLBACK.lead}.source`) ?? FALLBACK.source,
      }),
  };
  // Whatever the file lacks stays English.
  for (const [key, value] of Object.entries(words)) if (!value) delete words[key];
  return { ...FALLBACK, translation: undefined, ...words };
}

/**
 * The fallback shown while loading and kept if the wasm cannot start: the
 * built-in story's message, or for an element that tells another story
 * (a `pack`, or a config that may name one) the sentence alone.
 */
function fallback(host, ownStory) {
  const w = fallbackWords(host);
  const box = document.createElement('div');
  box.className = `bc-fallback bc-theme-${themeOf(host)}`;
  box.lang = w.lang;
  // Says it is loading, until the loader knows it cannot start (cannotStart).
  const note = document.createElement('p');
  note.className = 'bc-fallback-lead';
  note.textContent = ownStory ? w.loadingPlain : w.loading;
  note.dataset.failed = ownStory ? w.plain : w.sentence;
  if (ownStory) {
    box.append(note);
    return box;
  }
  const quote = document.createElement('blockquote');
  quote.textContent = w.message;
  quote.lang = w.quoteLang;
  box.append(note, quote);
  // Beside the quotation, never inside it: our translation, marked so.
  if (w.translation && w.lang !== w.quoteLang) {
    const translation = document.createElement('p');
    translation.className = 'bc-fallback-translation';
    translation.textContent = w.translation;
    box.append(translation);
  }
  const source = document.createElement('p');
  source.textContent = w.attribution;
  box.append(source);
  return box;
}

/** Whether the host has children a reader sees (its own fallback). */
function hasOwnFallback(host) {
  return [...host.childNodes].some((n) =>
    n.nodeType === Node.ELEMENT_NODE
      ? !n.matches('script,noscript,template')
      : n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== '',
  );
}

/**
 * What shows until the explainer is ready, and stays if it cannot start: the
 * host's own fallback content through a slot, else the built-in box. The box
 * is the slot's default content (shown while the host has no children, even
 * if the parser adds some later), or sits after the slot when the host's
 * children are nothing a reader sees (whitespace, an inline config script):
 * those still fill the slot and would hide its default content.
 */
function placeholder(host) {
  const slot = document.createElement('slot');
  const hold = document.createElement('div');
  hold.className = 'bc-hold';
  hold.append(slot);
  const seen = hasOwnFallback(host);
  (seen || !host.hasChildNodes() ? slot : hold).append(fallback(host, tellsOwnStory(host)));
  return hold;
}

/** Whether the element names another story than the built-in one. */
const tellsOwnStory = (host) => host.hasAttribute('pack') || typeof inlineField(host, 'pack') === 'string';

/**
 * Heights of the explainer's first view at some widths, measured in headless
 * Chromium, so nothing below it jumps when it arrives (tests/e2e/embed.test.js
 * measures the layout shift).
 */
const FIRST_VIEW = [
  [288, 2570],
  [320, 2372],
  [358, 2226],
  [390, 2181],
  [608, 1825],
  [868, 1714],
  [1040, 1656],
  [1264, 1596],
];

function reservedHeight(width) {
  const [first] = FIRST_VIEW;
  if (width <= first[0]) return first[1];
  for (let i = 1; i < FIRST_VIEW.length; i++) {
    const [w0, h0] = FIRST_VIEW[i - 1];
    const [w1, h1] = FIRST_VIEW[i];
    if (width <= w1) return Math.round(h0 + ((h1 - h0) * (width - w0)) / (w1 - w0));
  }
  return FIRST_VIEW.at(-1)[1];
}

// Both: min-height holds until the shadow stylesheet loads; from then on its
// `:host { all: initial !important }` resets min-height and reads the custom
// property instead, which `all` leaves alone.
function reserve(host) {
  // An unknown element is inline (zero wide) until our stylesheet arrives.
  host.style.setProperty('display', 'block');
  const height = `${reservedHeight(host.clientWidth)}px`;
  host.style.setProperty('min-height', height);
  host.style.setProperty('--bc-reserve', height);
}

function release(host) {
  host.style.removeProperty('min-height');
  host.style.removeProperty('--bc-reserve');
  host.style.removeProperty('display');
}

/** What the element asks for, and the strings of the language it starts in. */
async function readAll(host) {
  const inputs = await readInputs(host);
  if (inputs.unloaded) return inputs;
  const lang = startLanguage(host, inputs);
  if (LOCALES.includes(lang)) {
    // Without it the explainer starts in English and tries again.
    const text = await fetchLocale(lang).catch(() => undefined);
    if (text !== undefined) Object.assign(inputs, { locale: text, localeLang: lang });
  }
  return inputs;
}

async function start(entry) {
  const { host, shadow, hold } = entry;
  const [instance, inputs] = await Promise.all([acquire(), readAll(host)]).catch((error) => {
    cannotStart(entry, `could not start (${error.message ?? String(error)})`);
    return [];
  });
  // Removed (or destroyed) while the wasm, the config or the pack was loading.
  if (entry.done) {
    giveBack(instance);
    return;
  }
  if (!instance) return;
  // A config or pack URL that did not load: a fault of the host's set-up, for
  // its developers (the console and backchannel:error), not for its readers,
  // who keep the fallback, as when the wasm cannot load. Starting without
  // the config would tell another story, or the same with other numbers.
  if (inputs.unloaded) {
    giveBack(instance);
    cannotStart(entry, inputs.unloaded.message, inputs.unloaded.field);
    return;
  }
  entry.instance = instance;
  const root = document.createElement('div');
  root.className = 'bc-mount';
  // After a pre-rendered view, unseen and out of the flow until it goes
  // (the sheet's `.bc-pre ~ .bc-mount`): the scheduler may paint between
  // the live view's first render and its ready.
  shadow.append(root);
  try {
    entry.handle = instance.glue.mount(host, root, {
      ...inputs,
      scenario: host.getAttribute('scenario') ?? undefined,
      lang: host.getAttribute('lang') ?? undefined,
      theme: host.getAttribute('theme') ?? undefined,
      autoplay: host.hasAttribute('autoplay') ? host.getAttribute('autoplay') !== 'false' : undefined,
      // However the explainer ends (removed, or the host's destroy()), the
      // loader's part goes with it.
      onDestroy: () => forget(entry),
      onPanic: (message) => crashed(entry, message),
      // A language not at hand yet: fetched here, then handed over (the
      // explainer shows it if nobody asked for another meanwhile). A file
      // that does not read is forgotten, so the next attempt fetches again.
      loadLocale: (code) =>
        fetchLocale(code).then(
          () => {
            try {
              host.backchannel?.__languageLoaded(code);
            } catch (error) {
              forgetLocale(code);
              throw error;
            }
          },
          (error) => {
            host.backchannel?.__languageFailed(code, error.message);
            throw error;
          },
        ),
      localeText,
    });
  } catch (error) {
    // mount has already shown the message in `root`, below the fallback
    // (which stays: the reader still gets the story's text), logged it and
    // dispatched backchannel:error; this only keeps the host page's scripts
    // running. A pre-rendered view (the only placeholder with a lang) goes:
    // its controls would never answer, and it hides `root`.
    if (hold.lang) hold.remove();
    release(host);
  }
}

/**
 * The explainer cannot start (the wasm did not load, or the config or pack
 * the host named): the fallback stays (the host's own, or the built-in box,
 * whose first line now says so), with one sentence under the host's own
 * fallback; the console and a `backchannel:error` say why, `message` with
 * its `field` (`wasm`, `config` or `pack`).
 */
function cannotStart(entry, message, field = 'wasm') {
  report(entry.host, message, field);
  if (entry.done) return;
  release(entry.host);
  // A static story for readers without JavaScript (in a <noscript> of the
  // element: embed.html's, or an embed code's): the whole story as text is
  // the best fallback there is. It goes in the shadow root, in place of the
  // fallback, so the component's sheet styles it and the page's does not
  // (its own <link> is for readers without JavaScript: the sheet is here).
  const noscript = entry.host.querySelector(':scope > noscript');
  if (noscript && noscript.textContent.includes('bc-static') && entry.hold.isConnected) {
    const story = document.createElement('template');
    story.innerHTML = noscript.textContent;
    for (const link of story.content.querySelectorAll('link')) link.remove();
    entry.hold.replaceWith(story.content);
    return;
  }
  const lead = entry.shadow.querySelector('.bc-fallback-lead');
  if (lead) lead.textContent = lead.dataset.failed;
  // The built-in box says it now; under the host's own, say it once.
  if (hasOwnFallback(entry.host) && entry.hold.isConnected) entry.hold.append(note(fallbackWords(entry.host).plain));
}

function note(text) {
  const p = document.createElement('p');
  p.className = 'bc-fallback-note';
  p.textContent = text;
  return p;
}

/**
 * Called by the explainer's own wasm instance when Rust panics, just before
 * the instance stops for good. Only this explainer goes: its instance is
 * never reused, its DOM (whose listeners would call into the stopped
 * instance) is replaced by a readable error (under the host's own fallback,
 * if it has one), and the host hears of it. Other explainers run in
 * instances of their own.
 */
function crashed(entry, message) {
  // Never reused, and let go for the garbage collector.
  if (entry.instance) instances.splice(instances.indexOf(entry.instance), 1);
  entry.instance = undefined;
  entry.handle = undefined;
  delete entry.host.backchannel;
  report(entry.host, `stopped after an internal error (${message}); other explainers on the page are not affected`, 'internal');
  if (entry.done) return;
  const { host, shadow } = entry;
  const link = shadow.querySelector('link[rel="stylesheet"]');
  const box = document.createElement('div');
  box.className = 'bc-root bc-failure';
  box.setAttribute('role', 'alert');
  const title = document.createElement('p');
  title.className = 'bc-failure-title';
  title.textContent = fallbackWords(host).stopped;
  const detail = document.createElement('p');
  detail.className = 'bc-failure-message';
  detail.textContent = message;
  box.append(title, detail);
  // The host's own fallback comes back. The built-in message does not: the
  // host may have told another story since (loadPack), and only the stopped
  // instance knew which.
  const kept = hasOwnFallback(host) ? [document.createElement('slot')] : [];
  shadow.replaceChildren(...[link, ...kept, box].filter(Boolean));
  release(host);
}

/** Whether a pre-rendered first view is what this element starts with. */
const fits = (host, pre) =>
  pre.lang === (hostLanguage(host) || 'en') &&
  themeOf(host) === 'light' &&
  !tellsOwnStory(host) &&
  !host.hasAttribute('config') &&
  !inlineConfig(host);

/**
 * A reader's taps on the pre-rendered view's buttons (Space and Enter click
 * them too), by position, for the live explainer's same buttons to play
 * once it is ready. The switch flips at once (its sheet draws aria-checked).
 */
function listen(pre) {
  const taps = [];
  const buttons = [...pre.querySelectorAll('button')];
  pre.onclick = ({ target }) => {
    const button = target.closest('button');
    if (!button) return;
    if (button.role === 'switch') button.ariaChecked = button.ariaChecked !== 'true';
    taps.push(buttons.indexOf(button));
  };
  return taps;
}

/** The explainers this loader started and has not torn down, by host. */
const live = new Map();

/**
 * Turns one host element into an explainer, once while it stays on the page
 * (moving it keeps the explainer it has). Exported for pages that add
 * `div[data-backchannel]` later, or add one back after removing it.
 */
export function upgrade(host) {
  if (live.has(host)) return;
  host.setAttribute('data-backchannel', '');
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  // The first view, pre-rendered by make dist into a declarative shadow
  // root, already painted: it holds the place itself, unless the element
  // asks for what it does not show (another language, theme or story).
  let hold = shadow.querySelector('.bc-pre');
  const taps = hold && fits(host, hold) ? listen(hold) : undefined;
  if (!taps) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = INLINE?.css ?? new URL(CSS, here).href;
    // The host's fallback (or the built-in one) shows until the explainer
    // replaces it. A shadow root cannot be removed: one left by a torn-down
    // explainer is emptied and reused.
    hold = placeholder(host);
    // Unseen until the sheet is in, and the words of the host's language:
    // the built-in box drawn unstyled and then styled moved its own lines on
    // a phone (a layout shift of 0.08), and a box in English before French
    // would be worse. The language file is needed anyway to start.
    hold.style.visibility = 'hidden';
    let waiting = 1;
    const shown = () => --waiting === 0 && hold.style.removeProperty('visibility');
    link.addEventListener('load', shown, { once: true });
    link.addEventListener('error', shown, { once: true });
    const lang = hostLanguage(host);
    if (LOCALES.includes(lang) && localeText(lang) === undefined) {
      waiting += 1;
      const rewrite = () => {
        hold.querySelector('.bc-fallback')?.replaceWith(fallback(host, tellsOwnStory(host)));
        shown();
      };
      fetchLocale(lang).then(rewrite, shown);
    }
    shadow.replaceChildren(link, hold);
    reserve(host);
  }

  const entry = { host, shadow, hold, done: false, handle: undefined, instance: undefined };
  let onScreen = false;
  let started = false;
  const sync = () => entry.handle?.setVisible(onScreen && !document.hidden);
  // Once the explainer has drawn itself (in the task it was mounted in),
  // its own height takes over and the placeholder goes: nothing moves,
  // nothing flashes. Focus in a pre-rendered view goes to the same control
  // in the live one, and the reader's early taps play.
  const ready = () => {
    release(host);
    const i = [...hold.querySelectorAll('button')].indexOf(shadow.activeElement);
    hold.remove();
    const buttons = shadow.querySelectorAll('button');
    buttons[i]?.focus();
    taps?.forEach((n) => buttons[n]?.click());
  };
  host.addEventListener('backchannel:ready', ready, { once: true });
  const observer = new IntersectionObserver(
    (entries) => {
      onScreen = entries.some((e) => e.isIntersecting);
      if (onScreen && !started) {
        started = true;
        start(entry).then(sync);
      }
      sync();
    },
    { rootMargin: '200px 0px' },
  );
  observer.observe(host);
  document.addEventListener('visibilitychange', sync);
  entry.stop = () => {
    observer.disconnect();
    document.removeEventListener('visibilitychange', sync);
    host.removeEventListener('backchannel:ready', ready);
  };
  live.set(host, entry);
  if (host.localName === 'div') watchRemovals();
}

/**
 * Tears down the explainer in `host`: Rust's destroy() unmounts it, frees its
 * state and calls back `forget` for the loader's part; before the wasm has
 * mounted (or if it failed), `forget` alone is all there is.
 */
function tearDown(host) {
  const entry = live.get(host);
  if (!entry) return;
  if (entry.handle) entry.handle.destroy();
  else forget(entry);
}

/**
 * The loader's part of a teardown: observers and listeners off, the shadow
 * root emptied (nothing is shown: the host asked for the explainer to go),
 * the reserved height given back, and the host free to be upgraded anew.
 */
function forget(entry) {
  if (entry.done) return;
  entry.done = true;
  entry.stop();
  entry.handle = undefined;
  giveBack(entry.instance);
  entry.shadow.replaceChildren();
  release(entry.host);
  live.delete(entry.host);
}

/**
 * Removal is decided a microtask later, so moving an element (removed and
 * inserted again in the same task, e.g. `other.append(el)`) keeps its
 * explainer instead of tearing it down and mounting a new one.
 */
function tearDownIfGone(host) {
  queueMicrotask(() => {
    if (!host.isConnected) tearDown(host);
  });
}

// `div[data-backchannel]` hosts get no disconnected callback: one observer
// for the whole page (not one per host) notices removals, while any such
// host is live. Its records arrive after the task that changed the DOM, so a
// moved div is already back in place.
let removals;
function watchRemovals() {
  removals ??= new MutationObserver((records) => {
    if (!records.some((r) => r.removedNodes.length > 0)) return;
    let divs = 0;
    for (const host of [...live.keys()]) {
      if (host.localName !== 'div') continue;
      if (host.isConnected) divs++;
      else tearDown(host);
    }
    if (divs === 0) {
      removals.disconnect();
      removals = undefined;
    }
  });
  removals.observe(document, { childList: true, subtree: true });
}

class BackchannelExplainer extends HTMLElement {
  connectedCallback() {
    upgrade(this);
  }

  disconnectedCallback() {
    tearDownIfGone(this);
  }
}

if (!customElements.get('backchannel-explainer')) {
  customElements.define('backchannel-explainer', BackchannelExplainer);
}
const upgradeDivs = () => document.querySelectorAll('div[data-backchannel]').forEach(upgrade);
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', upgradeDivs);
} else {
  upgradeDivs();
}
