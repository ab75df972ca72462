// The element: <backchannel-explainer> and div[data-backchannel] hosts
// upgraded, started near the viewport, torn down when removed.
import { CSS, LOCALES, here, INLINE } from './build.js';
import { acquire, giveBack } from './wasm.js';
import { fetchLocale, forgetLocale, localeText } from './locales.js';
import { readAll, hostAttributes, hostLanguage, tellsOwnStory, given } from './inputs.js';
import { fallback, placeholder } from './fallback.js';
import { reserve, release } from './space.js';
import { cannotStart, crashed } from './failure.js';
import { fits, listen } from './prerender.js';

async function start(entry) {
  const { host, shadow, hold } = entry;
  let asked = entry.asked;
  let [instance, inputs] = await Promise.all([acquire(), readAll(host)]).catch((error) => {
    cannotStart(entry, `could not start (${error.message ?? String(error)})`);
    return [];
  });
  // Attributes or properties changed while loading: the mount uses them.
  while (instance && !entry.done && asked !== entry.asked) {
    asked = entry.asked;
    inputs = await readAll(host);
  }
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
    entry.failed = true;
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
      ...hostAttributes(host),
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
    entry.failed = true;
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

  const entry = { host, shadow, hold, done: false, handle: undefined, instance: undefined, asked: 0 };
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
 * The host's `name` (an attribute, or the `config`/`pack` property) changed.
 * Before mount, the mount reads it (start); after, the explainer follows:
 * language and scenario in place, through the handle; anything else (theme,
 * config, pack) or a value refused in place starts it over under what the
 * host asks for now (the handle's __remount), on the reader's step and side.
 * One that could not start for its inputs starts again from the top.
 */
async function changed(host, name) {
  const entry = live.get(host);
  if (!entry) return;
  const asked = ++entry.asked;
  if (entry.failed) {
    forget(entry);
    upgrade(host);
    return;
  }
  // A microtask later: changes made together count once, and the language
  // switch's own `lang` (set just before its words show) is in the state.
  await null;
  const handle = entry.handle;
  if (!handle || asked !== entry.asked) return;
  const now = hostAttributes(host);
  try {
    const state = handle.state();
    const lang = now.lang?.split('-')[0].toLowerCase();
    // A language file that does not load is said beside the language control.
    if (name === 'lang') return lang && lang !== state.lang && handle.setLanguage(lang).catch(() => {});
    if (name === 'scenario') return now.scenario && handle.selectScenario(now.scenario);
  } catch {
    // Refused in place (a language the story lacks, a scenario it does not
    // offer, no story shown): starting over says why, as a mount would.
  }
  const inputs = await readAll(host);
  if (entry.handle !== handle || asked !== entry.asked) return;
  try {
    handle.__remount({ ...inputs, ...inputs.unloaded, ...now });
  } catch {
    // Shown in the element, logged and dispatched by the explainer.
  }
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

const NAMES = ['lang', 'theme', 'scenario', 'pack', 'config'];

class BackchannelExplainer extends HTMLElement {
  static observedAttributes = NAMES.flatMap((n) => [n, `data-${n}`]);

  connectedCallback() {
    // A property set before the element was defined shadows the accessor.
    for (const name of ['config', 'pack']) {
      if (Object.hasOwn(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    upgrade(this);
  }

  attributeChangedCallback(attribute, before, now) {
    if (before === now) return;
    const name = attribute.replace('data-', '');
    // The latest wins: an attribute set after an object property.
    delete given.get(this)?.[name];
    changed(this, name);
  }

  disconnectedCallback() {
    tearDownIfGone(this);
  }
}

// `config` and `pack` as properties: an object is used as is (no attribute
// `[object Object]`); a string is a URL, the attribute; null or undefined
// removes both. Anything else is refused when read (inputs.js), naming it.
for (const name of ['config', 'pack']) {
  Object.defineProperty(BackchannelExplainer.prototype, name, {
    get() {
      const own = given.get(this);
      return own && name in own ? own[name] : this.getAttribute(name);
    },
    set(value) {
      const own = given.get(this) ?? {};
      given.set(this, own);
      delete own[name];
      if (value === null || value === undefined) this.removeAttribute(name);
      else if (typeof value === 'string') this.setAttribute(name, value);
      else own[name] = value;
      // The attribute did not say it (an object, or the same URL as before).
      changed(this, name);
    },
  });
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
