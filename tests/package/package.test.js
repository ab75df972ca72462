// The npm package as newsroom front-end teams use it, from the packed
// tarball (make package): installed into a consumer app (tests/package/app,
// its own dependencies pinned in its package-lock.json and installed by
// scripts/setup.sh), type-checked with tsc --strict, built with Vite and
// with webpack 5, and run in Chromium: the plain element from TypeScript, and the React 19
// component under StrictMode. Offline: npm installs the tarball alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, DIST, launch, serve } from '../e2e/support.js';

const APP = join(ROOT, 'tests/package/app');
const bin = (name) => join(APP, 'node_modules/.bin', name);
const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
const cargoField = (name) => cargo.match(new RegExp(`^${name}\\s*=\\s*"([^"]+)"`, 'm'))?.[1];
const version = cargoField('version');
const TARBALL = join(DIST, `backchannel-explainer-${version}.tgz`);
const run = (command, args, cwd = APP) => spawnSync(command, args, { cwd, encoding: 'utf8' });

const env = {};
before(async () => {
  // --no-save: the app's package.json and lock stay as committed.
  execFileSync('npm', ['install', '--no-save', '--offline', '--no-audit', '--no-fund', TARBALL], { cwd: APP, stdio: 'pipe' });
  execFileSync(bin('vite'), ['build'], { cwd: APP, stdio: 'pipe' });
  // After Vite, which empties dist/: webpack writes dist/webpack/.
  execFileSync(bin('webpack'), ['--config', 'webpack.config.js'], { cwd: APP, stdio: 'pipe' });
  copyFileSync(join(APP, 'webpack/index.html'), join(APP, 'dist/webpack/index.html'));
  env.server = await serve(join(APP, 'dist'));
  env.browser = await launch();
});
after(async () => {
  await env.browser?.close();
  await env.server?.close();
});

test('the committed config and pack types are what json-schema-to-typescript makes of the schemas', () => {
  const r = run('node', ['scripts/types.mjs'], ROOT);
  assert.equal(r.status, 0, r.stderr);
});

test('the tarball holds what a host serves, and its manifest', () => {
  const files = execFileSync('tar', ['-tzf', TARBALL], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, '')).sort();
  const packs = readdirSync(join(ROOT, 'www/packs')).filter((f) => f.endsWith('.json')).map((f) => `packs/${f}`);
  const locales = readdirSync(join(DIST, 'locales')).map((f) => `locales/${f}`);
  const expected = [
    'README.md', 'package.json', 'index.js', 'index.d.ts', 'server.js', 'loader.js', 'glue.js', 'backchannel.wasm', 'reader.js', 'reader.wasm',
    'style.css', 'config.d.ts', 'pack.d.ts', 'react.js', 'react.d.ts', 'jsx.js', 'jsx.d.ts',
    'schema/config.schema.json', 'schema/pack.schema.json', ...packs, ...locales,
  ].sort();
  assert.deepEqual(files, expected);
  const manifest = JSON.parse(execFileSync('tar', ['-xzOf', TARBALL, 'package/package.json'], { encoding: 'utf8' }));
  assert.equal(manifest.name, 'backchannel-explainer');
  assert.equal(manifest.version, version);
  assert.equal(manifest.license, 'MIT');
  // Cargo.toml's repository, if it names one (it does not yet: no public one).
  const repository = cargoField('repository');
  assert.equal(manifest.repository?.url, repository && `git+${repository}`);
  assert.equal(manifest.types, './index.d.ts');
  for (const key of ['.', './react', './jsx', './style.css', './packs/*', './locales/*', './schema/*']) assert.ok(manifest.exports[key], key);
  assert.deepEqual(manifest.dependencies ?? {}, {}, 'no dependency for users of the plain element');
  assert.equal(manifest.peerDependenciesMeta.react.optional, true);
  // Nothing React in the main entry.
  const main = execFileSync('tar', ['-xzOf', TARBALL, 'package/index.js', 'package/loader.js'], { encoding: 'utf8' });
  assert.doesNotMatch(main, /react/i);
});

test('importing the package on a server touches no window or document and does not throw', () => {
  for (const entry of ['backchannel-explainer', 'backchannel-explainer/react']) {
    const r = run('node', ['-e', `import('${entry}').then((m) => console.log(Object.keys(m).join()))`]);
    assert.equal(r.status, 0, `${entry}: ${r.stderr}`);
  }
  const r = run('node', ['-e', "import('backchannel-explainer').then((m) => console.log(String(m.define())))"]);
  assert.equal(r.stdout.trim(), 'undefined', 'no element to register without a DOM');
});

test('tsc --strict accepts a consumer that uses every handle method, event and type', () => {
  const r = run(bin('tsc'), ['-p', 'tsconfig.json']);
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('tsc --strict refuses the misuses, each for its reason', () => {
  const r = run(bin('tsc'), ['-p', 'tsconfig.misuse.json']);
  assert.notEqual(r.status, 0, 'the misuse file compiled');
  const source = readFileSync(join(APP, 'src/misuse.ts'), 'utf8').split('\n');
  const errors = [...r.stdout.matchAll(/^src\/misuse\.ts\((\d+),\d+\): error (TS\d+): (.*)$/gm)].map(([, line, code, text]) => ({ line: Number(line), code, text }));
  const expected = {
    'wrong argument type': ['TS2345', /'string' is not assignable to parameter of type 'boolean'/],
    'unknown event detail field': ['TS2339', /Property 'sender' does not exist/],
    'unknown parameter id': ['TS2345', /'"gama"' is not assignable/],
    'theme outside the schema': ['TS2322', /'"sepia"' is not assignable/],
    'the promise resolves to nothing': ['TS2345', /\(n: number\) => number/],
  };
  const marked = source.flatMap((text, i) => (text.includes('// MISUSE: ') ? [{ line: i + 1, why: text.split('// MISUSE: ')[1] }] : []));
  assert.equal(marked.length, Object.keys(expected).length);
  for (const { line, why } of marked) {
    const [code, pattern] = expected[why];
    const found = errors.filter((e) => e.line === line);
    assert.equal(found.length, 1, `line ${line} (${why}): ${JSON.stringify(found)}`);
    assert.equal(found[0].code, code, why);
    assert.match(found[0].text, pattern, why);
  }
  assert.equal(errors.length, marked.length, `no other error: ${r.stdout}`);
});

/** Opens a page of the built app, noting console errors and every request. */
async function openApp(path) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(env.server.url + path);
  const elsewhere = () => requests.filter((u) => !u.startsWith(env.server.url) && !/^(data|blob):/.test(u));
  return { context, page, errors, elsewhere };
}

const readyCount = (page) => page.evaluate(() => performance.getEntriesByName('backchannel:ready').length);
const shadowLang = (page) => page.evaluate(() => document.querySelector('backchannel-explainer').shadowRoot.querySelector('.bc-root')?.lang);

test('Vite: the typed page is ready, flips, switches language, runs the whole handle, with no error and nothing from another origin', async () => {
  const { context, page, errors, elsewhere } = await openApp('/index.html');
  await page.waitForFunction(() => performance.getEntriesByName('backchannel:ready').length > 0);
  await page.getByRole('switch', { name: 'Make it public' }).click();
  await page.waitForFunction(() => window.consumer.events.some((e) => e.startsWith('backchannel:public') && e.endsWith('true')));
  await page.evaluate(() => document.querySelector('backchannel-explainer').backchannel.setLanguage('fr'));
  assert.equal(await shadowLang(page), 'fr');
  assert.equal(await page.evaluate(() => document.querySelector('backchannel-explainer').backchannel.state().lang), 'fr');
  const done = await page.evaluate(() => window.consumer.exercise());
  assert.equal(done.lang, 'vi');
  assert.ok(done.scenarios.includes('what-happened'), done.scenarios.join());
  assert.ok(done.svg);
  assert.equal(done.png, 'image/png');
  assert.ok(done.valid);
  assert.ok(done.packReady, 'ready again after loadPack');
  assert.ok(done.memory > 0);
  assert.ok(done.destroyed, 'destroy() removes the handle');
  const events = await page.evaluate(() => window.consumer.events);
  assert.ok(events.includes('backchannel:ready'), events.join('\n'));
  assert.deepEqual(errors, []);
  assert.deepEqual(elsewhere(), []);
  await context.close();
});

test('webpack 5: with no plugin or loader for them, it emits the wasm, glue, stylesheet and languages; the page is ready, flips, switches language, with no error and nothing from another origin', async () => {
  const emitted = readdirSync(join(APP, 'dist/webpack'));
  for (const ext of ['.wasm', '.css', '.json']) assert.ok(emitted.some((f) => f.endsWith(ext)), `${ext} in ${emitted.join(', ')}`);
  const { context, page, errors, elsewhere } = await openApp('/webpack/index.html');
  await page.waitForFunction(() => performance.getEntriesByName('backchannel:ready').length > 0);
  await page.getByRole('switch', { name: 'Make it public' }).click();
  await page.waitForFunction(() => document.querySelector('backchannel-explainer').backchannel.state().public);
  await page.evaluate(() => document.querySelector('backchannel-explainer').backchannel.setLanguage('fr'));
  assert.equal(await shadowLang(page), 'fr');
  assert.deepEqual(errors, []);
  assert.deepEqual(elsewhere(), []);
  await context.close();
});

/** DOM nodes and JS listeners after garbage collection (twice: wasm finalizers free more). */
async function counters(page) {
  // The last unmounted tree goes once its running animations end.
  await page.waitForTimeout(1000);
  const cdp = await page.context().newCDPSession(page);
  for (let i = 0; i < 2; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    await page.evaluate(() => new Promise((ok) => setTimeout(ok, 50)));
  }
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  await cdp.detach();
  return { nodes, listeners: jsEventListeners };
}

async function route(page, hash) {
  const before = await readyCount(page);
  await page.evaluate((h) => (location.hash = h), hash);
  if (hash === '#story') await page.waitForFunction((n) => performance.getEntriesByName('backchannel:ready').length > n, before);
  else await page.waitForFunction(() => !document.querySelector('backchannel-explainer'));
}

test('React 19 StrictMode: <Backchannel> mounts, hands its ref, calls back, and 20 route changes leave nothing behind', async (t) => {
  const { context, page, errors, elsewhere } = await openApp('/react.html');
  await page.waitForFunction(() => window.app?.events.includes('backchannel:ready'));
  await page.waitForFunction(() => window.app.handle !== null);
  assert.equal(await page.evaluate(() => typeof window.app.handle.state().day), 'number', 'the ref is the handle');
  await page.locator('backchannel-explainer [role=switch]').first().click();
  await page.waitForFunction(() => window.app.events.includes('public true'));
  await route(page, '#home');
  assert.equal(await page.evaluate(() => window.app.handle), null, 'the ref is let go on unmount');
  await route(page, '#story');
  await route(page, '#home');
  const start = await counters(page);
  for (let i = 0; i < 20; i++) {
    await route(page, '#story');
    await route(page, '#home');
  }
  const end = await counters(page);
  t.diagnostic(`after 20 mounts and unmounts: DOM nodes ${start.nodes} → ${end.nodes}, listeners ${start.listeners} → ${end.listeners}`);
  assert.ok(end.nodes <= start.nodes + 5, `DOM nodes ${start.nodes} → ${end.nodes}`);
  assert.ok(end.listeners <= start.listeners, `listeners ${start.listeners} → ${end.listeners}`);
  const readies = await page.evaluate(() => window.app.events.filter((e) => e === 'backchannel:ready').length);
  assert.ok(readies >= 22, `onReady for each mount: ${readies}`);
  assert.deepEqual(errors, []);
  assert.deepEqual(elsewhere(), []);
  await context.close();
});

test('React 19: the config object and the story pack given as props are what it shows', async () => {
  const { context, page, errors } = await openApp('/react.html');
  await page.waitForFunction(() => window.app?.handle !== null && window.app?.handle !== undefined);
  const shown = await page.evaluate(() => {
    const h = window.app.handle;
    const beats = [];
    for (let n = 0; n < 10; n++) {
      h.goToBeat(n);
      if (beats.includes(h.state().beat)) break;
      beats.push(h.state().beat);
    }
    return { beats, scenarios: h.scenarios().map((s) => s.id) };
  });
  assert.ok(shown.scenarios.includes('posted'), `the pack's scenarios: ${shown.scenarios.join()}`);
  assert.deepEqual(shown.beats, ['act', 'lab'], "the config's beats");
  assert.deepEqual(errors, []);
  await context.close();
});

test('React 19: changing the lang prop switches the language', async () => {
  const { context, page, errors } = await openApp('/react.html');
  await page.waitForFunction(() => window.app?.handle);
  assert.equal(await shadowLang(page), 'en');
  await page.evaluate(() => window.app.setLang('fr'));
  await page.waitForFunction(() => document.querySelector('backchannel-explainer').shadowRoot.querySelector('.bc-root')?.lang === 'fr', null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => window.app.handle.state().lang), 'fr');
  assert.deepEqual(errors, []);
  await context.close();
});
