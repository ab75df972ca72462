// When things go wrong on the reader's side: a Rust panic inside one
// explainer stops that explainer alone (each runs in a wasm instance of its
// own), and a browser without WebAssembly or a wasm file that cannot load
// (404, the wrong MIME type, truncated) leaves the fallback, one readable
// sentence and a `backchannel:error`, with the host page still working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, ROOT, harness, open, goToBeatId, rendered } from './support.js';

const story = JSON.parse(await readFile(join(ROOT, 'www/packs/greenland-2026.json'), 'utf8'));
const words = JSON.parse(await readFile(join(ROOT, 'www/locales/en.json'), 'utf8'));
const wasmFile = (await readdir(DIST)).find((f) => f.endsWith('.wasm'));

// The test build of the wasm and its glue (make test-hooks), with the
// handle's test-only __panicForTest; what ships has no such hook.
const HOOKS = join(ROOT, 'target/test-hooks');
const hooked = await Promise.all([readFile(join(HOOKS, 'backchannel.js')), readFile(join(HOOKS, 'backchannel_bg.wasm'))]).catch(
  () => {
    throw new Error(`robust.test.js: no test build in ${HOOKS}: run make test-hooks`);
  },
);

/** Serves the test build in place of dist/'s glue and wasm on this page. */
async function withTestHooks(p) {
  const [glue, wasm] = hooked;
  await p.route(/\/backchannel-[0-9a-f]+\.js(\?.*)?$/, (route) =>
    route.fulfill({ body: glue, contentType: 'text/javascript' }),
  );
  await p.route(/_bg\.wasm$/, (route) => route.fulfill({ body: wasm, contentType: 'application/wasm' }));
}

const page = (body) =>
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>' +
  '<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"></head>' +
  `<body><button id="host-button">Host page button</button><output id="clicks">0</output>${body}` +
  '<script>document.getElementById("host-button").addEventListener("click", () => {' +
  ' const o = document.getElementById("clicks"); o.textContent = String(Number(o.textContent) + 1); });' +
  ' window.failures = []; document.addEventListener("backchannel:error", (e) => window.failures.push(e.detail));' +
  ' window.readies = 0; document.addEventListener("backchannel:ready", () => window.readies++);</script>' +
  '<script type="module" src="/backchannel.js"></script></body></html>';

const env = harness({
  '/two.html': {
    body: page(
      '<backchannel-explainer id="a"></backchannel-explainer><backchannel-explainer id="b"></backchannel-explainer>',
    ),
  },
  '/one.html': { body: page('<backchannel-explainer id="a"></backchannel-explainer>') },
  '/own.html': {
    body: page('<backchannel-explainer id="a"><p id="own">The newsroom’s own fallback text.</p></backchannel-explainer>'),
  },
});

/** The host page's button still answers. */
async function hostWorks(p) {
  const before = Number(await p.locator('#clicks').textContent());
  await p.locator('#host-button').click();
  assert.equal(Number(await p.locator('#clicks').textContent()), before + 1, 'the host page button works');
}

test('a panic in one explainer shows a readable error there; the other and the host page go on', async () => {
  const { context, page: p, errors } = await open(env.browser, `${env.server.url}/two.html`, {
    prepare: withTestHooks,
    viewport: { width: 1000, height: 8000 },
  });
  await p.waitForFunction(() => window.readies === 2);
  const thrown = await p.evaluate(() => {
    try {
      document.getElementById('a').backchannel.__panicForTest();
      return null;
    } catch (error) {
      return String(error);
    }
  });
  assert.match(thrown, /unreachable/i, 'the stopped instance traps');

  const a = p.locator('#a');
  const alert = a.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), new RegExp(words['fallback.stopped']));
  assert.match(await alert.textContent(), /a panic the host page asked for/);
  assert.equal(await a.locator('.bc-mount').count(), 0, 'the stopped explainer is gone');
  assert.equal(await p.evaluate(() => 'backchannel' in document.getElementById('a')), false);

  const failures = await p.evaluate(() => window.failures);
  assert.equal(failures.length, 1);
  assert.equal(failures[0].field, 'internal');
  assert.ok(
    errors.some((e) => /backchannel: stopped after an internal error \(a panic the host page asked for/.test(e)),
    `the console says what happened: ${errors.join(' | ')}`,
  );

  // The other explainer is untouched and answers the reader.
  const b = p.locator('#b');
  await goToBeatId(p, 'act', '#b');
  const flip = b.getByRole('switch', { name: 'Make it public' });
  await flip.click();
  // The flip is drawn after the tap's own paint.
  await rendered(p);
  await p.waitForFunction(() => document.getElementById('b').backchannel.state().public === true);
  assert.equal(await flip.getAttribute('aria-checked'), 'true');
  await hostWorks(p);
  // Nothing else went to the console: the instance's own trap, and our line.
  const others = errors.filter((e) => !/unreachable|stopped after an internal error/.test(e));
  assert.deepEqual(others, []);
  await context.close();
});

test('what ships has no test hook: neither on the handle nor in the wasm', async () => {
  const { context, page: p } = await open(env.browser, `${env.server.url}/one.html`, {
    viewport: { width: 1000, height: 8000 },
  });
  await p.waitForFunction(() => window.readies === 1);
  assert.equal(await p.evaluate(() => typeof document.getElementById('a').backchannel.__panicForTest), 'undefined');
  assert.equal(await p.evaluate(() => typeof document.getElementById('a').backchannel.pause), 'function');
  const shipped = await readFile(join(DIST, wasmFile));
  assert.ok(!shipped.includes('a panic the host page asked for'), 'the hook is compiled out of dist/');
  assert.ok(hooked[1].includes('a panic the host page asked for'), 'the test build carries it');
  await context.close();
});

test("after a panic the host's own fallback comes back above the error; a new explainer works", async () => {
  const { context, page: p } = await open(env.browser, `${env.server.url}/own.html`, {
    prepare: withTestHooks,
    viewport: { width: 1000, height: 8000 },
  });
  await p.waitForFunction(() => window.readies === 1);
  await p.evaluate(() => {
    try {
      document.getElementById('a').backchannel.__panicForTest();
    } catch {
      // the trap, expected
    }
  });
  await p.locator('#a').getByRole('alert').waitFor();
  await assertVisible(p.locator('#own'));
  await p.evaluate(() => {
    const el = document.createElement('backchannel-explainer');
    el.id = 'c';
    document.body.append(el);
  });
  await p.waitForFunction(() => window.readies === 2);
  assert.equal(await p.evaluate(() => typeof document.getElementById('c').backchannel.state().day), 'number');
  await context.close();
});

// Each way the wasm can fail to arrive, as a route on the page's requests.
const broken = {
  'a 404': (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }),
  'the wrong MIME type (an HTML page from a catch-all route)': (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Not here</title>' }),
  'a truncated file': async (route) => {
    const bytes = await readFile(join(DIST, wasmFile));
    await route.fulfill({ status: 200, contentType: 'application/wasm', body: bytes.subarray(0, bytes.length >> 1) });
  },
};
const causes = {
  'a 404': /HTTP 404/,
  'the wrong MIME type (an HTML page from a catch-all route)': /served as text\/html, not application\/wasm/,
  'a truncated file': /damaged or incomplete/,
  'no WebAssembly': /cannot run WebAssembly/,
};

for (const [name, cause] of Object.entries(causes)) {
  test(`${name}: the fallback and one sentence stay, backchannel:error fires, the page works`, async () => {
    const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
    const p = await context.newPage();
    const errors = [];
    p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    p.on('pageerror', (e) => errors.push(String(e)));
    if (broken[name]) await p.route(`**/${wasmFile}`, broken[name]);
    else await p.addInitScript(() => delete window.WebAssembly);
    await p.goto(`${env.server.url}/one.html`);
    await p.waitForFunction(() => window.failures.length > 0);

    const failures = await p.evaluate(() => window.failures);
    assert.equal(failures.length, 1);
    assert.equal(failures[0].field, 'wasm');
    assert.match(failures[0].message, cause);
    assert.ok(errors.some((e) => cause.test(e)), `the console says why: ${errors.join(' | ')}`);
    const text = await shown(p, '#a');
    assert.ok(text.includes(words['fallback.sentence']), 'one readable sentence');
    assert.ok(text.includes(story.messages[0].text), 'the message it is built on');
    assert.equal(await p.evaluate(() => window.readies), 0);
    await hostWorks(p);
    await context.close();
  });
}

test("the host's own fallback stays, with one sentence under it, when the wasm cannot load", async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  const p = await context.newPage();
  await p.route(`**/${wasmFile}`, broken['a 404']);
  await p.goto(`${env.server.url}/own.html`);
  await p.waitForFunction(() => window.failures.length > 0);
  await assertVisible(p.locator('#own'));
  const note = p.locator('#a .bc-fallback-note');
  await assertVisible(note);
  assert.equal(await note.textContent(), words['fallback.plain']);
  assert.equal(await p.locator('#a').getByText(words['fallback.plain']).count(), 1, 'said once');
  await hostWorks(p);
  await context.close();
});

/** What the element shows: its shadow root's text (the fallback box, the explainer). */
function shown(p, selector) {
  return p.evaluate((s) => document.querySelector(s).shadowRoot.textContent, selector);
}

async function assertVisible(locator) {
  assert.ok(await locator.isVisible(), `${locator} is visible`);
}
