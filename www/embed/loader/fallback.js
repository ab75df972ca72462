// What shows until the explainer is ready, and stays if it cannot start.
import { FALLBACK } from './build.js';
import { localeText } from './locales.js';
import { hostLanguage, themeOf, tellsOwnStory } from './inputs.js';

/**
 * The fallback's words in the host's language, from that language's file
 * (fetched by `upgrade`: locale data for languages not in use never ships
 * in the loader); English while it is not there, or in a language the
 * build does not have.
 */
export function fallbackWords(host) {
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
export function fallback(host, ownStory) {
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
export function hasOwnFallback(host) {
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
export function placeholder(host) {
  const slot = document.createElement('slot');
  const hold = document.createElement('div');
  hold.className = 'bc-hold';
  hold.append(slot);
  const seen = hasOwnFallback(host);
  (seen || !host.hasChildNodes() ? slot : hold).append(fallback(host, tellsOwnStory(host)));
  return hold;
}
