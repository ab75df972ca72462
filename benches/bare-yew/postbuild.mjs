// Trunk post-build hook for the bare app: minifies the wasm-bindgen glue with
// esbuild exactly as ../../scripts/postbuild.mjs does for the component, and
// gives the page's preload of it the new content's integrity.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { transformSync } from 'esbuild';

const out = process.env.TRUNK_STAGING_DIR ?? resolve(import.meta.dirname, 'dist');
const glue = readdirSync(out).find((f) => /^bare-yew-[0-9a-f]+\.js$/.test(f));
if (!glue) throw new Error(`postbuild: no bare-yew-<hash>.js in ${out}`);

const min = transformSync(readFileSync(join(out, glue), 'utf8'), {
  loader: 'js',
  minify: true,
  format: 'esm',
  target: 'es2022',
  legalComments: 'none',
}).code;
writeFileSync(join(out, glue), min);
const sri = `sha384-${createHash('sha384').update(min).digest('base64')}`;
const page = join(out, 'index.html');
const html = readFileSync(page, 'utf8');
const fixed = html.replace(new RegExp(`(href="[^"]*${glue.replace('.', '\\.')}"[^>]*integrity=")[^"]*(")`), `$1${sri}$2`);
if (fixed === html) throw new Error(`postbuild: no integrity for ${glue} in index.html`);
writeFileSync(page, fixed);
console.log(`postbuild: ${glue} minified`);
