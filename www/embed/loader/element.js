// The element: <backchannel-explainer> and div[data-backchannel] hosts
// upgraded, started near the viewport, torn down when removed.
import { CSS, LOCALES, here, INLINE } from './build.js';
import { acquire, giveBack } from './wasm.js';
import { fetchLocale, forgetLocale, localeText } from './locales.js';
import { readAll, hostLanguage, tellsOwnStory } from './inputs.js';
import { fallback, placeholder } from './fallback.js';
import { reserve, release } from './space.js';
import { cannotStart, crashed } from './failure.js';
import { fits, listen } from './prerender.js';

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
