// Backchannel loader (dist/backchannel.js). A stable-named module that
// upgrades every <backchannel-explainer> element, and every <div
// data-backchannel>, on the page: each gets a shadow root with its own styles,
// keeps its fallback content until the explainer is ready, reserves its
// height, loads the wasm only when it comes near the viewport, and pauses when
// it leaves it or the tab is hidden. It uses no inline script or style, and
// requests nothing but its own files (and a config URL the host names).
//
// scripts/postbuild.mjs fills in the hashed file names and the fallback text.
const GLUE = '__BACKCHANNEL_GLUE__';
const WASM = '__BACKCHANNEL_WASM__';
const CSS = '__BACKCHANNEL_CSS__';
const FALLBACK = __BACKCHANNEL_FALLBACK__;

const here = new URL('.', import.meta.url);
let runtime;

/** Imports and instantiates the wasm once, for every explainer on the page. */
function load() {
  runtime ??= import(new URL(GLUE, here).href).then(async (glue) => {
    await glue.default({ module_or_path: new URL(WASM, here) });
    return glue;
  });
  return runtime;
}

/** The element's config text: an inline JSON script child, or the `config` URL. */
async function readConfig(host) {
  const inline = host.querySelector(':scope > script[type="application/json"]');
  if (inline) return { config: inline.textContent };
  const url = host.getAttribute('config');
  if (!url) return {};
  try {
    const response = await fetch(new URL(url, document.baseURI), { credentials: 'same-origin' });
    if (!response.ok) return { configError: `could not load ${url} (HTTP ${response.status})` };
    return { config: await response.text() };
  } catch (error) {
    return { configError: `could not load ${url} (${error.message})` };
  }
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
  const asked = host.getAttribute('theme') ?? inlineTheme(host);
  return ['auto', 'dark'].includes(asked) ? asked : 'light';
}

function inlineTheme(host) {
  const inline = host.querySelector(':scope > script[type="application/json"]');
  try {
    return inline ? JSON.parse(inline.textContent)?.theme : undefined;
  } catch {
    return undefined; // mount reports the bad JSON; the box stays light
  }
}

/** The fallback shown while loading and kept if the wasm cannot start. */
function fallback(theme) {
  const box = document.createElement('div');
  box.className = `bc-fallback bc-theme-${theme}`;
  const note = document.createElement('p');
  note.textContent = FALLBACK.sentence;
  const quote = document.createElement('blockquote');
  quote.textContent = FALLBACK.message;
  const source = document.createElement('p');
  source.textContent = FALLBACK.attribution;
  box.append(note, quote, source);
  return box;
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
  const seen = [...host.childNodes].some((n) =>
    n.nodeType === Node.ELEMENT_NODE ? n.localName !== 'script' : n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== '',
  );
  (seen || !host.hasChildNodes() ? slot : hold).append(fallback(themeOf(host)));
  return hold;
}

/**
 * Heights of the explainer's first view at some widths, measured in headless
 * Chromium, so nothing below it jumps when it arrives (tests/e2e/embed.test.js
 * measures the layout shift).
 */
const FIRST_VIEW = [
  [288, 1062],
  [358, 975],
  [608, 779],
  [868, 750],
  [1040, 750],
  [1264, 712],
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

async function start(host, shadow, hold) {
  const [glue, config] = await Promise.all([load(), readConfig(host)]).catch((error) => {
    report(host, `could not start (${error.message ?? error})`, 'wasm');
    return [];
  });
  if (!glue) {
    release(host);
    return;
  }
  const root = document.createElement('div');
  root.className = 'bc-mount';
  shadow.append(root);
  try {
    glue.mount(host, root, {
      ...config,
      scenario: host.getAttribute('scenario') ?? undefined,
      lang: host.getAttribute('lang') ?? undefined,
      theme: host.getAttribute('theme') ?? undefined,
      autoplay: host.hasAttribute('autoplay') ? host.getAttribute('autoplay') !== 'false' : undefined,
    });
    hold.remove();
  } catch (error) {
    // mount has already shown the message in `root`, below the fallback
    // (which stays: the reader still gets the story's text), logged it and
    // dispatched backchannel:error; this only keeps the host page's scripts
    // running.
    release(host);
  }
}

const upgraded = new WeakSet();

/**
 * Turns one host element into an explainer, once, however often it is moved
 * or re-added. Exported for pages that add `div[data-backchannel]` later.
 */
export function upgrade(host) {
  if (upgraded.has(host)) return;
  upgraded.add(host);
  host.setAttribute('data-backchannel', '');
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL(CSS, here).href;
  // The host's fallback (or the built-in one) shows until the explainer
  // replaces it.
  const hold = placeholder(host);
  shadow.append(link, hold);
  reserve(host);
  // Once the explainer has drawn itself, its own height takes over.
  host.addEventListener('backchannel:ready', () => release(host), { once: true });

  let onScreen = false;
  let started = false;
  const sync = () => host.backchannel?.setVisible(onScreen && !document.hidden);
  new IntersectionObserver(
    (entries) => {
      onScreen = entries.some((e) => e.isIntersecting);
      if (onScreen && !started) {
        started = true;
        start(host, shadow, hold).then(sync);
      }
      sync();
    },
    { rootMargin: '200px 0px' },
  ).observe(host);
  document.addEventListener('visibilitychange', sync);
}

class BackchannelExplainer extends HTMLElement {
  connectedCallback() {
    upgrade(this);
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
