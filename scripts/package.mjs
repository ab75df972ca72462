// make package: the npm package `backchannel-explainer`, from what make dist
// built. Writes dist/npm/ and packs it (npm pack) into
// dist/backchannel-explainer-<version>.tgz, the version being Cargo.toml's.
//
// It holds only what a host serves (README "Use from npm"): the element's
// module (index.js, which imports loader.js), the wasm, its JS glue, the
// stylesheet, the languages fetched when used, the story packs and the JSON
// schemas, each found by the loader with `new URL('./…', import.meta.url)`
// so that bundlers (Vite, webpack 5, Parcel) copy them; plus the types, the
// React component and a module that is safe to import on a server.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build as bundle } from 'esbuild';
import { fallbackWords } from './fallback-words.mjs';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const www = join(root, 'www');
const src = join(root, 'npm');
const out = join(dist, 'npm');

const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
const cargoField = (name) => cargo.match(new RegExp(`^${name}\\s*=\\s*"([^"]+)"`, 'm'))?.[1];
const version = cargoField('version');
const glue = readdirSync(dist).find((f) => /^backchannel-[0-9a-f]+\.js$/.test(f));
const wasm = readdirSync(dist).find((f) => /^backchannel-[0-9a-f]+_bg\.wasm$/.test(f));
const readerGlue = readdirSync(dist).find((f) => /^backchannel-reader-[0-9a-f]+\.js$/.test(f));
const readerWasm = readdirSync(dist).find((f) => /^backchannel-reader-[0-9a-f]+_bg\.wasm$/.test(f));
if (!glue || !wasm || !readerGlue || !readerWasm) throw new Error('package: no built wasm and glue in dist/: run make dist first');
const locales = readdirSync(join(dist, 'locales'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const copy = (from, to) => {
  mkdirSync(join(out, to, '..'), { recursive: true });
  copyFileSync(from, join(out, to));
};

// The files the loader loads, under names that stay (a bundler hashes them).
copy(join(dist, wasm), 'backchannel.wasm');
copy(join(dist, glue), 'glue.js');
copy(join(dist, readerWasm), 'reader.wasm');
copy(join(dist, readerGlue), 'reader.js');
copy(join(dist, 'backchannel.css'), 'style.css');
for (const code of locales) copy(join(dist, 'locales', `${code}.json`), `locales/${code}.json`);
for (const file of readdirSync(join(www, 'packs')).filter((f) => f.endsWith('.json'))) copy(join(www, 'packs', file), `packs/${file}`);
for (const name of ['config', 'pack']) copy(join(www, `${name}.schema.json`), `schema/${name}.schema.json`);

// The loader (www/embed/loader.js and loader/), as make dist bundles it,
// but with the package's own loader/build.js: each file named by a literal
// `new URL('./…', import.meta.url)`, the pattern bundlers find and copy.
// Not minified: the host's bundler minifies, and its errors stay readable.
const url = (file) => `new URL(${JSON.stringify(`./${file}`)}, import.meta.url).href`;
const build = `// What scripts/package.mjs writes in place of loader/build.js.
export const GLUE = ${url('glue.js')};
export const WASM = ${url('backchannel.wasm')};
export const READER_GLUE = ${url('reader.js')};
export const READER_WASM = ${url('reader.wasm')};
export const CSS = ${url('style.css')};
export const FALLBACK = ${JSON.stringify(fallbackWords(www))};
export const LOCALES = ${JSON.stringify(locales)};
export const BUILTIN_LANGUAGES = ['en', ...LOCALES];
// Only its origin is read (the files above are absolute URLs).
export const here = new URL(import.meta.url);
const LOCALE_FILES = { ${locales.map((c) => `${JSON.stringify(c)}: ${url(`locales/${c}.json`)}`).join(', ')} };
export const localeFile = (code) => LOCALE_FILES[code] ?? \`locales/\${code}.json\`;
export const INLINE = undefined;
`;
const bundled = await bundle({
  entryPoints: [join(www, 'embed/loader.js')],
  bundle: true,
  write: false,
  format: 'esm',
  charset: 'utf8',
  target: 'es2022',
  legalComments: 'none',
  banner: { js: `// backchannel-explainer ${version}: the <backchannel-explainer> element (www/embed/loader.js, bundled).` },
  plugins: [
    {
      name: 'package-build',
      setup(b) {
        b.onLoad({ filter: /[\\/]loader[\\/]build\.js$/ }, () => ({ contents: build, loader: 'js' }));
      },
    },
  ],
});
// The glue is imported by URL, once per explainer (its own instance), and
// the pack reader's once (esbuild writes each import twice, for the inline
// and the URL case): the host's bundler must leave those imports as they
// are (webpack would make them a context module that fails at run time;
// Vite warns).
let loader = bundled.outputFiles[0].text;
const imports = loader.match(/\bimport\((?!\/\*)/g)?.length ?? 0;
loader = loader.replace(/\bimport\((?!\/\*)/g, 'import(/* webpackIgnore: true */ /* @vite-ignore */ ');
if (imports !== 4) throw new Error(`package: expected the loader's 4 imports of glue (the explainer's and the pack reader's, each inline or by URL), found ${imports}`);
writeFileSync(join(out, 'loader.js'), loader);

// The entry points, the types (config.d.ts and pack.d.ts generated from
// the schemas by scripts/types.mjs) and the package's README.
for (const file of readdirSync(src).filter((f) => f !== 'package.json')) copy(join(src, file), file);

const manifest = JSON.parse(readFileSync(join(src, 'package.json'), 'utf8'));
manifest.version = version;
// The repository is Cargo.toml's, when it names one: a made-up URL would send
// readers of the npm page nowhere.
const repository = cargoField('repository');
if (repository) manifest.repository = { type: 'git', url: `git+${repository}` };
writeFileSync(join(out, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

const packed = execFileSync('npm', ['pack', '--json', '--pack-destination', dist, out], { encoding: 'utf8' });
const [info] = JSON.parse(packed);
console.log(`package: dist/${info.filename}, ${(info.size / 1024).toFixed(1)} KB packed, ${(info.unpackedSize / 1024).toFixed(1)} KB unpacked, ${info.entryCount} files:`);
for (const f of info.files) console.log(`  ${f.path} (${f.size} B)`);
