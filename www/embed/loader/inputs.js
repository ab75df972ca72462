// What the host element asks for: its attributes, an inline config, the
// config and pack URLs it names (fetched here), the language it starts in.
import { BUILTIN_LANGUAGES, LOCALES, here } from './build.js';
import { fetchLocale } from './locales.js';
import { checkConfig, checkPack } from './wasm.js';

/**
 * Fetches a config or a story pack the host named by URL. Only the page's
 * own origin and the explainer's are allowed: the explainer requests nothing
 * from anyone else's servers. An error names the URL and the cause.
 */
async function fetchText(url, what) {
  // An object set as the attribute (a framework before the element is
  // defined) arrives as this text: not a URL to fetch.
  if (url === '[object Object]') return { error: `"${url}" is not a URL: an object goes in the element's ${what} property` };
  const target = new URL(url, document.baseURI);
  if (target.origin !== location.origin && target.origin !== here.origin) {
    return { error: `${url} is on another origin (${target.origin}); a ${what} must come from this page's origin or the explainer's` };
  }
  try {
    const response = await fetch(target, { credentials: 'same-origin' });
    if (!response.ok) return { error: `could not load ${url} (HTTP ${response.status})` };
    const text = await response.text();
    try {
      JSON.parse(text);
    } catch (error) {
      return { error: `${url} is not JSON (${error.message})` };
    }
    return { text };
  } catch (error) {
    return { error: `could not load ${url} (${error.message})` };
  }
}

/**
 * The host's attribute `name`, else its `data-name` (all a CMS's filter
 * keeps on a div host, e.g. WordPress's KSES): every attribute the loader
 * reads is read here.
 */
export const attr = (host, name) => host.getAttribute(name) ?? host.getAttribute(`data-${name}`);

/** What the element asks for by attribute, for `mount`. */
export const hostAttributes = (host) => {
  const autoplay = attr(host, 'autoplay');
  return {
    scenario: attr(host, 'scenario') ?? undefined,
    lang: attr(host, 'lang') ?? undefined,
    theme: attr(host, 'theme') ?? undefined,
    autoplay: autoplay === null ? undefined : autoplay !== 'false',
  };
};

/** The `config` and `pack` properties' values by host, when not URLs (element.js). */
export const given = new WeakMap();

/**
 * The text of a `config` or `pack` given as a property: an object as JSON,
 * or `{ error }` for anything else, naming the property.
 */
function givenText(value, name) {
  let text;
  try {
    text = typeof value === 'object' ? JSON.stringify(value) : undefined;
  } catch (error) {
    return { error: `the ${name} property cannot be read as JSON (${error.message})` };
  }
  return text === undefined ? { error: `the ${name} property takes an object or a URL, not a ${typeof value}` } : { text };
}

/** The element's inline config, a JSON script child, if it has one. */
export const inlineConfig = (host) => host.querySelector(':scope > script[type="application/json"]');

/**
 * What the element asks for by data: its config (an inline JSON script
 * child, or the `config` URL) and its story pack (the `pack` URL, or the
 * config's `pack` field). Texts go to the pack reader (readAll). A
 * URL that does not load is `unloaded`, `{ field, message }`: the explainer
 * cannot tell the story as asked, so it does not start (cannotStart).
 */
const unloaded = (field, error) => ({ unloaded: { field, problem: error, message: `${field}: ${error}` } });

async function readInputs(host) {
  const out = {};
  const own = given.get(host) ?? {};
  const inline = inlineConfig(host);
  const configUrl = attr(host, 'config');
  if ('config' in own) {
    const { text, error } = givenText(own.config, 'config');
    if (error) return unloaded('config', error);
    out.config = text;
  } else if (inline) {
    out.config = inline.textContent;
  } else if (configUrl) {
    const { text, error } = await fetchText(configUrl, 'config');
    if (error) return unloaded('config', error);
    out.config = text;
  }
  if ('pack' in own) {
    const { text, error } = givenText(own.pack, 'pack');
    if (error) return unloaded('pack', error);
    out.pack = text;
    return out;
  }
  let packUrl = attr(host, 'pack');
  if (!packUrl && out.config) {
    try {
      const field = JSON.parse(out.config)?.pack;
      if (typeof field === 'string') packUrl = field;
    } catch {
      // The explainer reports the bad JSON, naming it.
    }
  }
  if (packUrl) {
    const { text, error } = await fetchText(packUrl, 'pack');
    if (error) return unloaded('pack', error);
    out.pack = text;
  }
  return out;
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
  const attribute = attr(host, 'lang')?.split('-')[0].toLowerCase();
  const wanted = [attribute, parse(inputs.config)?.lang].find((code) => told.includes(code));
  return wanted ?? told[0];
}

/**
 * The theme the host asked for (the attribute, else an inline config's
 * field), for the fallback box; light unless asked, like the explainer.
 */
export function themeOf(host) {
  const asked = attr(host, 'theme') ?? inlineField(host, 'theme');
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
export const hostLanguage = (host) => (attr(host, 'lang') ?? inlineField(host, 'lang') ?? '').split('-')[0].toLowerCase();

/** Whether the element names another story than the built-in one. */
export const tellsOwnStory = (host) =>
  attr(host, 'pack') !== null || 'pack' in (given.get(host) ?? {}) || typeof inlineField(host, 'pack') === 'string';

/**
 * What the element asks for, and the strings of the language it starts
 * in. A story pack of the host's own and a JSON config go through the pack
 * reader first (checkPack, checkConfig): the explainer takes them in its
 * compact form, or the reason they were refused.
 */
export async function readAll(host) {
  const inputs = await readInputs(host);
  if (inputs.unloaded) return inputs;
  const lang = startLanguage(host, inputs);
  const failed = (error) => ({ error });
  const [text, pack, config] = await Promise.all([
    // Without it the explainer starts in English and tries again.
    LOCALES.includes(lang) ? fetchLocale(lang).catch(() => undefined) : undefined,
    inputs.pack && checkPack(inputs.pack).catch(failed),
    inputs.config && checkConfig(inputs.config).catch(failed),
  ]);
  if (text !== undefined) Object.assign(inputs, { locale: text, localeLang: lang });
  for (const [field, read] of [['config', config], ['pack', pack]]) {
    if (read?.error) return unloaded(field, read.error.message);
    if (read) inputs[field] = read;
  }
  return inputs;
}
