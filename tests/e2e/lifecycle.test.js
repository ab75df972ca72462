// Lifecycle on single-page-app hosts and in long sessions: removing the
// element frees the explainer, re-inserting mounts a fresh one, moving it
// keeps the one it has, the handle's destroy() empties it, and neither
// mount/remove cycles nor beat changes leave DOM nodes, listeners or wasm
// memory behind. Counts come from Chromium's DevTools protocol after forced
// garbage collections.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, open, beatIds } from './support.js';

const page = (body) =>
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SPA host</title>' +
  '<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"></head>' +
  `<body>${body}</body></html>`;

// The page counts readies and animation frames, and exposes the loader's
// exports, so the tests can drive it like an SPA router would.
const SPA = page(`
  <main id="a"></main><aside id="b"></aside>
  <script>
    window.readies = 0;
    window.rafCount = 0;
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (f) => { window.rafCount++; return raf(f); };
    document.addEventListener('backchannel:ready', () => window.readies++);
  </script>
  <script type="module">
    import * as loader from '/backchannel.js';
    window.loader = loader;
    // Resolves on the next backchannel:ready anywhere on the page.
    window.nextReady = () => new Promise((ok) =>
      document.addEventListener('backchannel:ready', ok, { once: true }));
    window.add = async (tag = 'backchannel-explainer', parent = '#a') => {
      const el = document.createElement(tag === 'div' ? 'div' : tag);
      if (tag === 'div') el.setAttribute('data-backchannel', '');
      el.id = 'bc';
      const ready = nextReady();
      document.querySelector(parent).append(el);
      if (tag === 'div') loader.upgrade(el);
      await ready;
      return el;
    };
  </script>`);

const env = harness({ '/spa.html': { body: SPA } });

async function openSpa() {
  const opened = await open(env.browser, `${env.server.url}/spa.html`);
  await opened.page.waitForFunction(() => window.loader);
  return opened;
}

/** DOM nodes, JS event listeners and wasm memory after garbage collection. */
async function counters(page) {
  const cdp = await page.context().newCDPSession(page);
  // Twice, with a pause: finalizers freed by the first collection (wasm
  // handles) release what a second one can then collect.
  for (let i = 0; i < 2; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    await page.evaluate(() => new Promise((ok) => setTimeout(ok, 50)));
  }
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  const wasm = await page.evaluate(() => window.loader.wasmMemoryBytes());
  await cdp.detach();
  return { nodes, listeners: jsEventListeners, wasm };
}

const within10 = (value, reference, what) =>
  assert.ok(
    value <= reference * 1.1 && value >= reference * 0.9,
    `${what}: ${value} is not within 10 % of ${reference}`,
  );

// Stock Yew 0.23 kept each app's root element and its two delegated event
// listeners alive for good (414 -> 465 nodes, 17 -> 119 listeners after 51);
// the vendored, patched Yew (vendor/yew/PATCHED.md) frees them on destroy.
test('mount and remove 51 times: DOM, listeners and wasm memory come back', async () => {
  const { context, page, errors } = await openSpa();
  await page.evaluate(() => add());
  const one = await counters(page);
  for (let i = 0; i < 51; i++) {
    await page.evaluate(async () => {
      document.querySelector('#bc').remove();
      // A later task: a real removal, not a move.
      await new Promise((ok) => setTimeout(ok, 0));
      await add();
    });
  }
  const after = await counters(page);
  console.log(`mount/remove x51: one mount ${JSON.stringify(one)}, after ${JSON.stringify(after)}`);
  assert.equal(await page.evaluate(() => readies), 52);
  within10(after.nodes, one.nodes, 'DOM nodes');
  within10(after.listeners, one.listeners, 'event listeners');
  assert.ok(after.wasm - one.wasm < 2 * 1024 * 1024, `wasm memory grew by ${after.wasm - one.wasm} bytes`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('moving the element keeps one working explainer', async () => {
  const { context, page, errors } = await openSpa();
  await page.evaluate(() => add());
  const handle = await page.evaluate(() => {
    const el = document.querySelector('#bc');
    window.firstHandle = el.backchannel;
    document.querySelector('#b').append(el);
    return el.backchannel === window.firstHandle;
  });
  assert.ok(handle, 'the handle survives a move');
  // Past the microtask that decides removals, and a frame.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 50))));
  const after = await page.evaluate(() => {
    const el = document.querySelector('#b > #bc');
    return { roots: el.shadowRoot.querySelectorAll('.bc-root').length, readies, same: el.backchannel === firstHandle };
  });
  assert.deepEqual(after, { roots: 1, readies: 1, same: true });
  // Still interactive: the reader's switch flips the state the handle reports.
  await goToSwitch(page);
  await page.locator('#b > #bc [role=switch]').first().click();
  assert.equal(await page.evaluate(() => document.querySelector('#bc').backchannel.state().public), true);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Steps through the beats until one shows the public switch. */
async function goToSwitch(page) {
  const found = await page.evaluate(async () => {
    const el = document.querySelector('#bc');
    for (let n = 0; n < 20; n++) {
      el.backchannel.goToBeat(n);
      await new Promise((ok) => requestAnimationFrame(ok));
      if (el.shadowRoot.querySelector('[role=switch]')) return true;
    }
    return false;
  });
  assert.ok(found, 'some beat shows the switch');
}

test('re-inserting after removal mounts a fresh explainer', async () => {
  const { context, page, errors } = await openSpa();
  await page.evaluate(() => add());
  await page.evaluate(() => document.querySelector('#bc').backchannel.setPublic(true));
  const gone = await page.evaluate(async () => {
    const el = document.querySelector('#bc');
    window.kept = el;
    el.remove();
    await new Promise((ok) => setTimeout(ok, 0));
    return { handle: 'backchannel' in el, children: el.shadowRoot.childElementCount };
  });
  assert.deepEqual(gone, { handle: false, children: 0 });
  await page.evaluate(async () => {
    const ready = nextReady();
    document.querySelector('#a').append(kept);
    await ready;
  });
  const fresh = await page.evaluate(() => ({
    readies,
    roots: kept.shadowRoot.querySelectorAll('.bc-root').length,
    public: kept.backchannel.state().public,
  }));
  assert.deepEqual(fresh, { readies: 2, roots: 1, public: false });
  await goToSwitch(page);
  await page.locator('#a > #bc [role=switch]').first().click();
  assert.equal(await page.evaluate(() => kept.backchannel.state().public), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('destroy() empties the element and stops every frame', async () => {
  const { context, page, errors } = await openSpa();
  await page.evaluate(() => add());
  const result = await page.evaluate(async () => {
    const el = document.querySelector('#bc');
    const handle = el.backchannel;
    const wait = (ms) => new Promise((ok) => setTimeout(ok, ms));
    handle.play();
    await wait(200);
    const playing = handle.state().playing;
    const framesWhilePlaying = window.rafCount;
    handle.destroy();
    handle.destroy(); // twice is harmless
    await wait(50);
    const before = window.rafCount;
    await wait(300);
    let error = '';
    try {
      handle.state();
    } catch (e) {
      error = e.message;
    }
    return {
      playing,
      framesWhilePlaying: framesWhilePlaying > 0,
      framesAfter: window.rafCount - before,
      property: 'backchannel' in el,
      children: el.shadowRoot.childElementCount,
      connected: el.isConnected,
      error,
    };
  });
  assert.deepEqual(result, {
    playing: true,
    framesWhilePlaying: true,
    framesAfter: 0,
    property: false,
    children: 0,
    connected: true,
    error: 'backchannel: this explainer was destroyed',
  });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a removed div[data-backchannel] host is torn down too, a moved one is not', async () => {
  const { context, page, errors } = await openSpa();
  await page.evaluate(() => add('div'));
  const moved = await page.evaluate(async () => {
    const el = document.querySelector('#bc');
    document.querySelector('#b').append(el);
    await new Promise((ok) => setTimeout(ok, 50));
    return { live: !!el.backchannel, roots: el.shadowRoot.querySelectorAll('.bc-root').length };
  });
  assert.deepEqual(moved, { live: true, roots: 1 });
  const removed = await page.evaluate(async () => {
    const el = document.querySelector('#bc');
    el.remove();
    await new Promise((ok) => setTimeout(ok, 50));
    return { live: 'backchannel' in el, children: el.shadowRoot.childElementCount };
  });
  assert.deepEqual(removed, { live: false, children: 0 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('100 beat changes leave the DOM where it started', async () => {
  const { context, page, errors } = await openSpa();
  await page.evaluate(() => add());
  const frame = () => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0))));
  const beats = (await beatIds(page, '#bc')).length;
  assert.ok(beats > 2, `${beats} beats`);
  // Warm-up: every beat once, so lazily made views count in the start.
  for (let n = 0; n < beats; n++) {
    await page.evaluate((n) => document.querySelector('#bc').backchannel.goToBeat(n), n);
    await frame();
  }
  await page.evaluate(() => document.querySelector('#bc').backchannel.goToBeat(0));
  await frame();
  const start = await counters(page);
  for (let i = 0; i < 100; i++) {
    // Alternating through every beat and back, as a reader paging does.
    await page.evaluate((n) => document.querySelector('#bc').backchannel.goToBeat(n), (i % (beats - 1)) + 1);
    await frame();
  }
  await page.evaluate(() => document.querySelector('#bc').backchannel.goToBeat(0));
  await frame();
  const end = await counters(page);
  console.log(`100 beat changes over ${beats} beats: start ${JSON.stringify(start)}, end ${JSON.stringify(end)}`);
  within10(end.nodes, start.nodes, 'DOM nodes');
  assert.deepEqual(errors, []);
  await context.close();
});
