// Languages other than English, fetched once per page when first asked for.
import { here, localeFile, INLINE } from './build.js';

/**
 * A language other than English (its interface strings and the built-in
 * story's), fetched once per page from beside the loader
 * (locales/<code>.json) when a reader or the host first asks for it. The
 * explainer reads a fetched file's text with `localeText`; `fetchLocale`
 * resolves to it.
 */
const localeTexts = new Map();
const localesLoading = new Map();
export function fetchLocale(code) {
  if (!localesLoading.has(code)) {
    const url = new URL(localeFile(code), here);
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

export const localeText = (code) => localeTexts.get(code);

export function forgetLocale(code) {
  localeTexts.delete(code);
  localesLoading.delete(code);
}
