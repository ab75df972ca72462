// Trunk post-build hook (also run by hand on dist/): writes what newsroom
// pages load by a stable name — backchannel.js (the loader), embed.html and
// embed.js (the iframe embed), oembed.json, the config and pack schemas, the
// story packs, the embed-codes page and the pack editor — next to Trunk's
// hashed wasm and JS glue, and a hashed copy of the component's CSS.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync, transformSync } from 'esbuild';
import { fallbackWords } from './fallback-words.mjs';

const root = resolve(import.meta.dirname, '..');
const out = process.env.TRUNK_STAGING_DIR ?? join(root, 'dist');
const www = join(root, 'www');
// Absolute URL of the deployed dist/ for oembed.json; relative when unset.
const publicUrl = process.env.BACKCHANNEL_PUBLIC_URL ?? '';

const glue = readdirSync(out).find((f) => /^backchannel-[0-9a-f]+\.js$/.test(f));
const wasm = readdirSync(out).find((f) => /^backchannel-[0-9a-f]+_bg\.wasm$/.test(f));
if (!glue || !wasm) throw new Error(`postbuild: no backchannel-<hash>.js and _bg.wasm in ${out}`);

// What a reader downloads is minified (esbuild: whitespace, comments, local
// names; about 4.5 KB brotli less across the glue, the loader and the CSS).
// The sources in www/ stay readable. Scripts keep UTF-8 as is (module
// scripts are always read as UTF-8; \u escapes made the loader's French and
// Vietnamese fallback words compress far worse); CSS stays ASCII, whatever
// charset a CDN sends with it.
const minify = (code, loader) => transformSync(code, { loader, minify: true, charset: loader === 'js' ? 'utf8' : 'ascii', format: loader === 'js' ? 'esm' : undefined, target: 'es2022', legalComments: 'none' }).code;

const css = readFileSync(join(www, 'backchannel.css'));
const cssName = `backchannel-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
const cssMin = minify(css.toString(), 'css');
writeFileSync(join(out, cssName), cssMin);
// The same sheet under a name that stays, for the static story inside an
// embed code (read by readers without JavaScript; embed codes outlive builds).
writeFileSync(join(out, 'backchannel.css'), cssMin);
// Trunk's wasm-bindgen glue, minified in place (its name keeps Trunk's hash),
// and the demo page's preload of it given the new content's integrity.
const glueMin = minify(readFileSync(join(out, glue), 'utf8'), 'js');
writeFileSync(join(out, glue), glueMin);
const sri = `sha384-${createHash('sha384').update(glueMin).digest('base64')}`;
const page = join(out, 'index.html');
writeFileSync(
  page,
  readFileSync(page, 'utf8').replace(
    new RegExp(`(href="[^"]*${glue.replace('.', '\\.')}"[^>]*integrity=")[^"]*(")`),
    `$1${sri}$2`,
  ),
);

// The pack reader's wasm and glue (scripts/reader.sh, Trunk's pre-build
// hook), named by their content's hash like Trunk's, the glue minified.
const readerDir = join(root, 'target/reader');
const readerWasm = readFileSync(join(readerDir, 'reader_bg.wasm'));
const readerGlue = minify(readFileSync(join(readerDir, 'reader.js'), 'utf8'), 'js');
const readerHash = createHash('sha256').update(readerWasm).update(readerGlue).digest('hex').slice(0, 16);
const readerGlueName = `backchannel-reader-${readerHash}.js`;
const readerWasmName = `backchannel-reader-${readerHash}_bg.wasm`;
for (const f of readdirSync(out).filter((f) => f.startsWith('backchannel-reader-'))) rmSync(join(out, f));
writeFileSync(join(out, readerGlueName), readerGlue);
writeFileSync(join(out, readerWasmName), readerWasm);

const story = JSON.parse(readFileSync(join(www, 'packs/greenland-2026.json'), 'utf8'));
const words = JSON.parse(readFileSync(join(www, 'locales/en.json'), 'utf8'));
const fallback = fallbackWords(www);

// Every language but English (which ships inside the wasm) is a file the
// loader fetches when a reader asks for it, locales/<code>.json: the
// interface strings, and the built-in story's strings in that language
// (build.rs leaves them out of the wasm; src/embed/language.rs reads this).
mkdirSync(join(out, 'locales'), { recursive: true });
const locales = readdirSync(join(www, 'locales'))
  .filter((f) => f.endsWith('.json') && f !== 'en.json')
  .map((f) => {
    const code = f.replace(/\.json$/, '');
    const interfaceStrings = JSON.parse(readFileSync(join(www, 'locales', f), 'utf8'));
    const storyStrings = story.strings[code];
    if (!storyStrings) throw new Error(`postbuild: the built-in story has no strings in "${code}"`);
    // Flat, so the explainer reads it with its one locale reader
    // (Words::parse_bundle): the story's id under `story`, its strings
    // under `story:<key>`.
    const bundle = { ...interfaceStrings, story: story.id };
    for (const [key, value] of Object.entries(storyStrings)) bundle[`story:${key}`] = value;
    writeFileSync(join(out, 'locales', f), JSON.stringify(bundle));
    return code;
  });

// The loader's modules (www/embed/loader.js and loader/) bundled into one
// file, minified as above, with what only the build knows filled in
// (loader/build.js).
const bundled = buildSync({
  entryPoints: [join(www, 'embed/loader.js')],
  bundle: true,
  write: false,
  format: 'esm',
  minify: true,
  charset: 'utf8',
  target: 'es2022',
  legalComments: 'none',
  define: {
    __BACKCHANNEL_LOCALES__: JSON.stringify(locales),
    __BACKCHANNEL_GLUE__: JSON.stringify(`./${glue}`),
    __BACKCHANNEL_WASM__: JSON.stringify(`./${wasm}`),
    __BACKCHANNEL_READER_GLUE__: JSON.stringify(`./${readerGlueName}`),
    __BACKCHANNEL_READER_WASM__: JSON.stringify(`./${readerWasmName}`),
    __BACKCHANNEL_CSS__: JSON.stringify(`./${cssName}`),
    __BACKCHANNEL_FALLBACK__: JSON.stringify(fallback),
  },
});
writeFileSync(join(out, 'backchannel.js'), bundled.outputFiles[0].text);

// The iframe page links the component's stylesheet for its static story
// (written in by `cargo run --bin story` after the build; make dist).
// Its oEmbed discovery link: a CMS given the page's URL (WordPress on a
// pasted line) finds oembed.json there. Discovery needs an absolute URL,
// which only BACKCHANNEL_PUBLIC_URL gives (README "oEmbed").
const discovery = `<link rel="alternate" type="application/json+oembed" href="${publicUrl}oembed.json" title="${words['explainer.title']}">`;
writeFileSync(
  join(out, 'embed.html'),
  readFileSync(join(www, 'embed/embed.html'), 'utf8')
    .replace('__BACKCHANNEL_CSS__', `./${cssName}`)
    .replace('</head>', `  ${discovery}\n</head>`),
);
writeFileSync(join(out, 'embed.js'), minify(readFileSync(join(www, 'embed/frame.js'), 'utf8'), 'js'));
writeFileSync(join(out, 'embed.css'), minify(readFileSync(join(www, 'embed/embed.css'), 'utf8'), 'css'));
copyFileSync(join(www, 'embed/embed-codes.html'), join(out, 'embed-codes.html'));
// The AMP article to copy from, pointing where dist/ is served when known.
writeFileSync(
  join(out, 'amp.html'),
  readFileSync(join(www, 'embed/amp.html'), 'utf8').replaceAll('https://example.org/backchannel/', publicUrl || 'https://example.org/backchannel/'),
);
copyFileSync(join(www, 'embed/embed-codes.css'), join(out, 'embed-codes.css'));
copyFileSync(join(www, 'config.schema.json'), join(out, 'config.schema.json'));
copyFileSync(join(www, 'pack.schema.json'), join(out, 'pack.schema.json'));
copyFileSync(join(www, 'embed/pack-editor.html'), join(out, 'pack-editor.html'));
copyFileSync(join(www, 'embed/pack-editor.js'), join(out, 'pack-editor.js'));
copyFileSync(join(www, 'embed/pack-editor.css'), join(out, 'pack-editor.css'));
// The story packs, to embed with pack= and to start a new one from.
mkdirSync(join(out, 'packs'), { recursive: true });
for (const file of readdirSync(join(www, 'packs')).filter((f) => f.endsWith('.json'))) {
  copyFileSync(join(www, 'packs', file), join(out, 'packs', file));
}

const title = words['explainer.title'];
// The README's iframe height: the first view on phones, with scrolling left on
// (node scripts/first-view.mjs prints it; tests/e2e/embed.test.js checks both).
const IFRAME_HEIGHT = 1100;
writeFileSync(
  join(out, 'oembed.json'),
  JSON.stringify(
    {
      version: '1.0',
      type: 'rich',
      provider_name: 'Backchannel',
      ...(publicUrl && { provider_url: publicUrl }),
      title,
      width: 680,
      height: IFRAME_HEIGHT,
      // Centred, on one line: editors keep it as it is (README "WordPress").
      html: `<iframe src="${publicUrl}embed.html" title="${title}" width="100%" height="${IFRAME_HEIGHT}" loading="lazy" frameborder="0" style="display:block; margin:0 auto"></iframe>`,
    },
    null,
    2,
  ) + '\n',
);
console.log(`postbuild: backchannel.js -> ${glue}, ${readerGlueName}, ${cssName}; embed.html, oembed.json written to ${out}`);
