// The act pre-rendered (issue 22): `make dist` puts the explainer's first
// view into the script embed code (a declarative shadow root) and into
// embed.html. On a slow phone with the wasm held back, the message and a
// switch that answers taps are on screen; once the wasm is released the
// live explainer takes over in place, plays the early tap, and nothing moves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, harness, screenshot, state } from './support.js';

const code = (await readFile(join(DIST, 'embed-code.en.txt'), 'utf8')).replaceAll('https://example.org/backchannel/', '/');
// A hostile host page: its CSS must not reach the pre-rendered view.
const HOSTILE = '* { font-family: serif !important; color: red } p { margin: 40px }';
const FILLER = '<p>Article text below the explainer.</p>'.repeat(8);
const html = (body, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>` +
  `<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">${head}</head><body>${body}</body></html>`;
const env = harness({
  '/t/host.html': { body: html(`<h1>Article</h1>${code}${FILLER}`, '<link rel="stylesheet" href="/t/hostile.css">') },
  '/t/hostile.css': { body: HOSTILE, type: 'text/css; charset=utf-8' },
  // The embed code set by innerHTML: its template stays inert, as in a
  // browser without declarative shadow DOM.
  '/t/inert.html': { body: html('<div id="slot"></div><script type="module" src="/t/inert.js"></script>') },
  '/t/inert.js': {
    body: `document.getElementById('slot').innerHTML = ${JSON.stringify(code.replace(/<script[^>]*><\/script>/, ''))};\nawait import('/backchannel.js');`,
    type: 'text/javascript; charset=utf-8',
  },
});

/**
 * A page at `width` with 4x CPU throttling and the wasm held back until
 * `release()`; layout shifts (without recent input) are recorded with their
 * times, and the first frame in which the message text is painted.
 */
async function slow(url, width) {
  const context = await env.browser.newContext({ viewport: { width, height: 844 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.addInitScript(() => {
    window.shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.shifts.push({ value: e.value, at: e.startTime });
    }).observe({ type: 'layout-shift', buffered: true });
    // The first frame with the quoted message visible in the explainer.
    const look = () => {
      const quote = document.querySelector('backchannel-explainer')?.shadowRoot?.querySelector('.bc-bubble-text');
      if (quote?.checkVisibility() && quote.getBoundingClientRect().height > 0) window.painted = performance.now();
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.goto(env.server.url + url);
  return { context, page, errors, release };
}

const inShadow = (page, fn, arg) =>
  page.evaluate(([fn, arg]) => new Function('root', 'arg', `return (${fn})(root, arg)`)(document.querySelector('backchannel-explainer').shadowRoot, arg), [fn.toString(), arg]);

const isReady = (page) => page.evaluate(() => performance.getEntriesByName('backchannel:ready').length > 0);
const ready = (page) => page.waitForFunction(() => performance.getEntriesByName('backchannel:ready').length > 0, null, { timeout: 60000 });
const frames = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));

/** The pre-rendered view is painted with the message and a switch, before the wasm. */
async function painted(page) {
  await page.waitForFunction(() => window.painted !== undefined, null, { timeout: 30000 });
  const seen = await inShadow(page, (root) => ({
    pre: Boolean(root.querySelector('.bc-pre')?.checkVisibility()),
    message: root.querySelector('.bc-bubble-text')?.textContent ?? '',
    switch: root.querySelector('[role=switch]')?.getAttribute('aria-checked'),
  }));
  assert.ok(seen.pre, 'the pre-rendered view is shown');
  assert.ok(seen.message.trim().length > 40, 'the message text is painted');
  assert.equal(seen.switch, 'false', 'a switch, off');
  assert.equal(await isReady(page), false, 'before the wasm');
  return page.evaluate(() => window.painted);
}

for (const [name, url] of [
  ['script embed code in a hostile host page', '/t/host.html'],
  ['iframe page (embed.html)', '/embed.html'],
]) {
  test(`${name} at 390 px, 4x CPU, wasm held: the act painted, an early tap kept, the takeover still`, async () => {
    const { context, page, errors, release } = await slow(url, 390);
    const at = await painted(page);
    console.log(`${name}: message painted ${Math.round(at)} ms after navigation (4x CPU, wasm held)`);
    const tag = url === '/embed.html' ? 'frame' : 'host';
    if (tag === 'host') {
      const looks = await inShadow(page, (root) => {
        const s = getComputedStyle(root.querySelector('.bc-bubble-text'));
        const p = getComputedStyle(root.querySelector('.bc-beat-body'));
        return { font: s.fontFamily, color: s.color, margin: p.marginTop };
      });
      assert.ok(!/^serif/.test(looks.font), `the host's font does not reach the view (${looks.font})`);
      assert.notEqual(looks.color, 'rgb(255, 0, 0)', "the host's colour does not reach the view");
      assert.notEqual(looks.margin, '40px', "the host's margins do not reach the view");
    }
    await screenshot(page, `prerender-${tag}-390-before`, { fullPage: false });
    // The tap: a pointer on the script embed, the keyboard in the frame.
    const flip = page.locator('backchannel-explainer [role=switch]');
    if (tag === 'host') await flip.click();
    else {
      await flip.focus();
      await page.keyboard.press('Space');
    }
    assert.equal(await flip.getAttribute('aria-checked'), 'true', 'the switch flips at once');
    assert.equal(await isReady(page), false, 'still before the wasm');
    await page.waitForTimeout(400); // the switch's 200 ms slide, at 4x
    await screenshot(page, `prerender-${tag}-390-tapped`, { fullPage: false });
    release();
    await ready(page);
    await page.waitForFunction(() => document.querySelector('[data-backchannel]').backchannel.state().public, null, { timeout: 30000 });
    assert.equal((await state(page)).public, true, 'the early tap made the message public');
    const live = await inShadow(page, (root) => ({
      pre: root.querySelectorAll('.bc-pre').length,
      roots: root.querySelectorAll('.bc-root').length,
      post: Boolean(root.querySelector('.bc-message.is-public')?.checkVisibility()),
      focused: root.activeElement?.getAttribute('role'),
    }));
    assert.deepEqual(live.pre, 0, 'the pre-rendered view is gone');
    assert.equal(live.roots, 1, 'one explainer');
    assert.ok(live.post, 'the live explainer shows the public post');
    if (tag === 'frame') assert.equal(live.focused, 'switch', 'focus moved to the live switch');
    await page.waitForTimeout(1500);
    await screenshot(page, `prerender-${tag}-390-after`, { fullPage: false });
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const width of [390, 1280]) {
    test(`${name} at ${width} px: takeover CLS <= 0.01`, async () => {
      const { context, page, errors, release } = await slow(url, width);
      await painted(page);
      await frames(page);
      await screenshot(page, `prerender-${url === '/embed.html' ? 'frame' : 'host'}-${width}-before`, { fullPage: false });
      const start = await page.evaluate(() => performance.now());
      const before = await page.evaluate(() => window.shifts);
      release();
      await ready(page);
      await frames(page);
      await page.waitForTimeout(500);
      const shifts = await page.evaluate((t) => window.shifts.filter((s) => s.at >= t), start);
      const cls = shifts.reduce((sum, s) => sum + s.value, 0);
      const load = before.reduce((sum, s) => sum + s.value, 0);
      console.log(`${name} at ${width}px: takeover CLS ${cls.toFixed(4)}; before the wasm ${load.toFixed(4)}`);
      assert.ok(cls <= 0.01, `takeover CLS ${cls.toFixed(4)} at ${width}px`);
      await screenshot(page, `prerender-${url === '/embed.html' ? 'frame' : 'host'}-${width}-takeover`, { fullPage: false });
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('the iframe page: an early Next moves to the second step once the explainer is ready', async () => {
  const { context, page, errors, release } = await slow('/embed.html', 390);
  await painted(page);
  const first = await inShadow(page, (root) => root.querySelector('.bc-step.is-current .bc-step-title').textContent);
  await page.locator('backchannel-explainer .bc-pager button').last().click();
  release();
  await ready(page);
  await page.waitForFunction(
    () => document.querySelector('backchannel-explainer').shadowRoot.querySelectorAll('.bc-step')[1]?.classList.contains('is-current'),
    null,
    { timeout: 30000 },
  );
  const now = await inShadow(page, (root) => root.querySelector('.bc-step.is-current .bc-step-title').textContent);
  assert.notEqual(now, first, 'the explainer moved on');
  assert.equal((await state(page)).public, false, 'the message stays private');
  assert.deepEqual(errors, []);
  await context.close();
});

test('without declarative shadow DOM (an inert template) the loader shows its own placeholder, then the explainer', async () => {
  const { context, page, errors, release } = await slow('/t/inert.html', 390);
  await page.waitForFunction(() => document.querySelector('backchannel-explainer')?.shadowRoot?.querySelector('.bc-fallback blockquote'), null, { timeout: 30000 });
  const box = await inShadow(page, (root) => ({
    pre: root.querySelectorAll('.bc-pre').length,
    quote: root.querySelector('.bc-fallback blockquote').textContent,
  }));
  assert.equal(box.pre, 0, 'nothing pre-rendered in the shadow root');
  assert.ok(box.quote.trim().length > 40, "the loader's box quotes the message");
  release();
  await ready(page);
  const live = await inShadow(page, (root) => ({ fallback: root.querySelectorAll('.bc-fallback').length, roots: root.querySelectorAll('.bc-root').length }));
  assert.deepEqual(live, { fallback: 0, roots: 1 });
  assert.deepEqual(errors, []);
  await context.close();
});
