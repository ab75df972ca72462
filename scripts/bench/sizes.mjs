// Size benchmark: what the component ships (dist/, the selection of
// scripts/size.mjs) next to a bare Yew app built the same way
// (benches/bare-yew/), raw, gzip and brotli, and the ratio. Prints numbers;
// asserts none.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { ROOT, BARE_DIST, ensureBare } from './bare.mjs';
import { table } from './common.mjs';

const DIST = join(ROOT, 'dist');
if (!existsSync(DIST)) {
  console.error('sizes: no dist/; run make dist first');
  process.exit(1);
}
ensureBare();

/** The wasm, JS and CSS files under `dir` that a reader downloads, sorted. */
function shipped(dir) {
  return (
    readdirSync(dir, { recursive: true })
      .filter((f) => /\.(wasm|js|css)$/.test(f) && statSync(join(dir, f)).isFile())
      // Hidden entries (Trunk's .stage) never ship; the demo article's CSS,
      // the embed-codes page and the pack editor are not the component (as in size.mjs).
      .filter((f) => !f.split('/').some((part) => part.startsWith('.')))
      .filter((f) => !/^(demo-|embed-codes|pack-editor)/.test(f))
      // The npm package's folder (make package) holds copies, for bundlers.
      .filter((f) => !f.startsWith('npm/'))
      // The pack reader loads only for a host's own story pack (as in size.mjs).
      .filter((f) => !f.startsWith('backchannel-reader-'))
      .sort()
  );
}

/** Raw, gzip -9 and brotli q11 bytes of each file (size.mjs's settings). */
function measure(dir) {
  return shipped(dir).map((f) => {
    const body = readFileSync(join(dir, f));
    const raw = body.length;
    return {
      file: f,
      raw,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw },
      }).length,
    };
  });
}

const sum = (files) => ({
  raw: files.reduce((n, f) => n + f.raw, 0),
  gzip: files.reduce((n, f) => n + f.gzip, 0),
  brotli: files.reduce((n, f) => n + f.brotli, 0),
});
const kb = (n) => (n / 1024).toFixed(1);
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
const row = (name, s) => [name, kb(s.raw), kb(s.gzip), kb(s.brotli)];

const component = measure(DIST);
const bare = measure(BARE_DIST);
const wasmOf = (files) => sum(files.filter((f) => f.file.endsWith('.wasm')));
const [ct, bt, cw, bw] = [sum(component), sum(bare), wasmOf(component), wasmOf(bare)];

console.log('shipped sizes, KB (gzip -9, brotli q11)');
table(
  ['file', 'raw', 'gzip', 'brotli'],
  [
    ...component.map((f) => row(`  ${f.file}`, f)),
    row('component total (dist/)', ct),
    ['', '', '', ''],
    ...bare.map((f) => row(`  ${f.file}`, f)),
    row('bare Yew total (benches/bare-yew/dist/)', bt),
    ['', '', '', ''],
    ['component / bare Yew, total', ratio(ct.raw, bt.raw), ratio(ct.gzip, bt.gzip), ratio(ct.brotli, bt.brotli)],
    ['component / bare Yew, wasm only', ratio(cw.raw, bw.raw), ratio(cw.gzip, bw.gzip), ratio(cw.brotli, bw.brotli)],
  ],
);
console.log('reproduce: make dist && node scripts/bench/sizes.mjs (builds benches/bare-yew/ first when its dist/ is missing or stale)');

// The presenters' single file (make standalone): everything inlined, the wasm
// as base64, so it is larger than what a page ships; read from disk, not
// downloaded, but a USB stick or an email attachment still carries it.
const standalone = join(DIST, 'backchannel-standalone.html');
if (existsSync(standalone)) {
  const body = readFileSync(standalone);
  const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }).length;
  console.log('');
  table(['single file', 'raw', 'gzip', 'brotli'], [['  backchannel-standalone.html', kb(body.length), kb(gzipSync(body, { level: 9 }).length), kb(br)]]);
  console.log('reproduce: make standalone && node scripts/bench/sizes.mjs');
} else {
  console.log('\n(no dist/backchannel-standalone.html: make standalone to measure the single file)');
}
