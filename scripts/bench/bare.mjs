// The bare Yew app the component is compared with (benches/bare-yew/: a
// switch and a counter, built with the component's pipeline). ensureBare()
// builds it when its dist/ is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BARE = join(ROOT, 'benches/bare-yew');
export const BARE_DIST = join(BARE, 'dist');

/** Newest modification time of `path`, a file or everything under a folder. */
function newest(path) {
  if (!statSync(path).isDirectory()) return statSync(path).mtimeMs;
  return Math.max(
    0,
    ...readdirSync(path, { recursive: true })
      .map((f) => statSync(join(path, f)))
      .filter((s) => s.isFile())
      .map((s) => s.mtimeMs),
  );
}

/** The bare app's wasm in dist/, or undefined before its first build. */
function builtWasm() {
  if (!existsSync(BARE_DIST)) return undefined;
  const wasm = readdirSync(BARE_DIST).find((f) => /^bare-yew-[0-9a-f]+_bg\.wasm$/.test(f));
  return wasm && join(BARE_DIST, wasm);
}

/**
 * Builds the bare app (trunk build --release, its post-build hook minifying
 * the glue) unless its dist/ is newer than everything it is built from: its
 * own files and the vendored Yew. A quick check on modification times.
 */
export function ensureBare() {
  const wasm = builtWasm();
  const inputs = ['Cargo.toml', 'Cargo.lock', 'Trunk.toml', 'index.html', 'postbuild.mjs', 'src']
    .map((f) => join(BARE, f))
    .concat(join(ROOT, 'vendor/yew'));
  if (wasm && statSync(wasm).mtimeMs >= Math.max(...inputs.map(newest))) return;
  console.error(`bench: building the bare Yew app in ${BARE} (about 1.5 min the first time)`);
  // The tools the Makefile puts on PATH: wasm-opt 132 from npm, trunk and
  // wasm-bindgen from cargo. Trunk's output goes to stderr, away from the tables.
  const PATH = [join(ROOT, 'node_modules/.bin'), join(homedir(), '.cargo/bin'), process.env.PATH].join(':');
  const build = spawnSync('trunk', ['build', '--release'], { cwd: BARE, env: { ...process.env, PATH }, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) {
    // A failed Trunk build leaves its unoptimised staging folder behind.
    rmSync(join(BARE_DIST, '.stage'), { recursive: true, force: true });
    console.error(`bench: the bare Yew app did not build (${build.error?.message ?? `exit ${build.status}`})`);
    process.exit(1);
  }
}
