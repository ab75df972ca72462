// What make dist writes into the loader (scripts/postbuild.mjs, esbuild's
// `define`): the hashed file names, the fallback's English words and the
// languages fetched when used; and where the loader itself is served from.
export const GLUE = __BACKCHANNEL_GLUE__;
export const WASM = __BACKCHANNEL_WASM__;
// The pack reader's (reader.js): loaded only for a host's own story pack
// or JSON config.
export const READER_GLUE = __BACKCHANNEL_READER_GLUE__;
export const READER_WASM = __BACKCHANNEL_READER_WASM__;
export const CSS = __BACKCHANNEL_CSS__;
export const FALLBACK = __BACKCHANNEL_FALLBACK__;
// The languages fetched when used (English is inside the wasm).
export const LOCALES = __BACKCHANNEL_LOCALES__;
// The languages the built-in story is told in.
export const BUILTIN_LANGUAGES = ['en', ...LOCALES];

export const here = new URL('.', import.meta.url);
// Where a language's file is, from `here` (the npm package's build.js,
// scripts/package.mjs, names each file with `new URL('…', import.meta.url)`
// instead, so bundlers see and copy them).
export const localeFile = (code) => `locales/${code}.json`;
// The single-file build (make standalone, scripts/standalone.mjs) hands its
// files over inline, `{ wasm: bytes, glue: Blob, css: URL, locales: { code:
// text } }`: a page opened from disk may fetch nothing.
export const INLINE = globalThis.BACKCHANNEL_INLINE;
