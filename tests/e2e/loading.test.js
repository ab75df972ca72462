// Loading states that tell the truth (issue 21). While the explainer loads, a
// reader with JavaScript never sees a sentence meant for readers without
// JavaScript: in the iframe page, the demo page and the embed code with the
// static story, before the loader runs and while the wasm is on its way.
// Those three carry the first view pre-rendered (issue 22): it is on screen
// before any script runs, and stays until the explainer takes its place;
// elsewhere the loader's box holds the first view's height, saying it is
// loading. Without JavaScript the demo page tells the whole story. The
// iframe page keeps the explainer off the frame's edges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { open, ready, harness, screenshot, ROOT, DIST } from './support.js';

const story = JSON.parse(await readFile(join(ROOT, 'www/packs/greenland-2026.json'), 'utf8'));
const words = JSON.parse(await readFile(join(ROOT, 'www/locales/en.json'), 'utf8'));
const code = (await readFile(join(DIST, 'embed-code.en.txt'), 'utf8')).replaceAll('https://example.org/backchannel/', '/');

const env = harness({
  '/plain.html': {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Plain</title><link rel="icon" href="data:,"><script type="module" src="/backchannel.js"></script></head><body><h1>An article</h1><backchannel-explainer><noscript>This interactive explainer needs JavaScript.</noscript></backchannel-explainer><p>The article goes on.</p></body></html>`,
  },
  '/code-en.html': {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Code</title><link rel="icon" href="data:,"></head><body><h1>An article</h1>${code}<p>The article goes on.</p></body></html>`,
  },
});

// What a reader without JavaScript is told, and what is said once the
// explainer is known not to start: neither belongs on a loading screen.
const NOT_WHILE_LOADING = /needs JavaScript|could not start/;
const squeeze = (t) => t.replace(/\s+/g, ' ');

/** Holds every request matching `pattern` until the returned function is called. */
async function hold(page, pattern) {
  let release;
  const gate = new Promise((ok) => (release = ok));
  await page.route(pattern, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/** Texts on screen (the light DOM and open shadow roots) that a loading screen must not show. */
const wrongWords = (page) =>
  page.getByText(NOT_WHILE_LOADING).evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).map((e) => e.textContent.trim()));

for (const [name, url, loader] of [
  ['the iframe page', '/embed.html', '**/embed.js'],
  ['the demo page', '/', '**/backchannel.js'],
  ['the embed code with the static story', '/code-en.html', '**/backchannel.js'],
]) {
  test(`${name} while loading: the pre-rendered first view, before any script, never the no-JavaScript sentence`, async () => {
    for (const width of [390, 1280]) {
      const { context, page, errors } = await open(env.browser, 'about:blank', { viewport: { width, height: 844 } });
      const releaseLoader = await hold(page, loader);
      const releaseWasm = await hold(page, '**/*.wasm');
      // Module scripts hold DOMContentLoaded back: wait for the parsed element.
      await page.goto(env.server.url + url, { waitUntil: 'commit' });
      await page.waitForSelector('backchannel-explainer', { state: 'attached' });
      // Before any script has run: the first view, and nothing meant for
      // readers without JavaScript.
      const pre = page.locator('backchannel-explainer .bc-pre');
      await pre.waitFor({ state: 'visible' });
      assert.equal(await page.evaluate(() => document.querySelector('backchannel-explainer').hasAttribute('data-backchannel')), false, 'the loader has not run');
      assert.equal(await page.locator('backchannel-explainer').getByRole('switch').count(), 1, 'its switch');
      assert.deepEqual(await wrongWords(page), [], `${width}px, before the loader`);
      assert.equal(await page.locator('.bc-static').count(), 0, 'the static story stays in <noscript>');
      const first = await page.locator('backchannel-explainer').evaluate((e) => e.getBoundingClientRect().height);
      assert.ok(first > 1000, `${width}px: the first view's height (${first}px)`);
      // The loader has run, the wasm is on its way: the same view stays.
      releaseLoader();
      await page.waitForFunction(() => document.querySelector('backchannel-explainer').hasAttribute('data-backchannel'));
      assert.ok(await pre.isVisible(), 'the pre-rendered view stays while the wasm loads');
      assert.equal(await page.locator('backchannel-explainer .bc-fallback').count(), 0, "no loader's box");
      assert.deepEqual(await wrongWords(page), [], `${width}px, while the wasm loads`);
      if (width === 390) await screenshot(page, `loading-${url === '/' ? 'demo' : url.slice(1, -5)}-390`, { fullPage: false });
      releaseWasm();
      await ready(page);
      assert.deepEqual(await wrongWords(page), [], `${width}px, once ready`);
      assert.equal(await page.getByRole('switch').count(), 1, 'the explainer took its place');
      assert.equal(await pre.count(), 0, 'the pre-rendered view is gone');
      assert.deepEqual(errors, []);
      await context.close();
    }
  });
}

test("an element without a pre-rendered view while loading: the loader's box at the first view's height", async () => {
  for (const width of [390, 1280]) {
    const { context, page, errors } = await open(env.browser, 'about:blank', { viewport: { width, height: 844 } });
    const releaseWasm = await hold(page, '**/*.wasm');
    await page.goto(env.server.url + '/plain.html');
    const lead = page.locator('backchannel-explainer .bc-fallback-lead');
    await lead.waitFor({ state: 'visible' });
    assert.equal(await lead.textContent(), words['fallback.loading']);
    assert.deepEqual(await wrongWords(page), [], `${width}px, while the wasm loads`);
    const reserved = await page.locator('backchannel-explainer').evaluate((e) => e.getBoundingClientRect().height);
    assert.ok(reserved > 1000, `${width}px: the first view's height is held (${reserved}px)`);
    releaseWasm();
    await ready(page);
    assert.equal(await page.getByRole('switch').count(), 1, 'the explainer took its place');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the demo page without JavaScript tells the whole story, styled by the component\'s sheet', async () => {
  for (const [width, colorScheme] of [[390, 'light'], [1280, 'light'], [390, 'dark']]) {
    const { context, page, errors } = await open(env.browser, env.server.url + '/', {
      viewport: { width, height: 844 },
      colorScheme,
      javaScriptEnabled: false,
    });
    await page.waitForLoadState('load');
    const text = await page.locator('backchannel-explainer').evaluate((el) => el.innerText.replace(/\s+/g, ' '));
    assert.ok(text.includes(words['explainer.title']), 'the title');
    for (const m of story.messages.filter((m) => m.id !== 'rutte-june')) {
      assert.ok(text.includes(squeeze(m.text)), `message ${m.id}`);
      assert.ok(text.includes(m.source), `source of ${m.id}`);
    }
    for (const e of story.experts) {
      assert.ok(text.includes(e.name), e.name);
      for (const q of e.quotes ?? []) assert.ok(text.includes(squeeze(q.text)), q.text);
    }
    assert.ok(await page.locator('.bc-static').isVisible(), 'the static story is shown');
    // The component's sheet reached it: chart lines are strokes, not black fills.
    const fills = await page.locator('.bc-chart-plot polyline').evaluateAll((els) => els.map((el) => getComputedStyle(el).fill));
    assert.ok(fills.length > 0 && fills.every((f) => f === 'none'), `chart lines unfilled: ${fills.slice(0, 3)}`);
    // Its own ink on its own ground, whatever the page's scheme.
    const look = await page.locator('.bc-static .bc-title').evaluate((el) => {
      let bg = 'rgba(0, 0, 0, 0)';
      for (let n = el; n && bg === 'rgba(0, 0, 0, 0)'; n = n.parentElement) bg = getComputedStyle(n).backgroundColor;
      return { color: getComputedStyle(el).color, bg };
    });
    assert.notEqual(look.color, look.bg, JSON.stringify(look));
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(sideways, false, `${width}px: nothing scrolls sideways`);
    await screenshot(page, `demo-static-${width}-${colorScheme}`, { fullPage: false });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the iframe page keeps the explainer off the frame\'s edges, and its height messages count the padding', async () => {
  for (const [width, least] of [[320, 12], [390, 12], [1280, 16]]) {
    const { context, page, errors } = await open(env.browser, env.server.url + '/embed.html', { viewport: { width, height: 844 } });
    await ready(page);
    const m = await page.evaluate(() => {
      const root = document.querySelector('backchannel-explainer').shadowRoot.querySelector('.bc-root').getBoundingClientRect();
      return { left: root.left, right: innerWidth - root.right, top: root.top + scrollY, bottom: root.bottom + scrollY, doc: document.documentElement.offsetHeight };
    });
    assert.ok(m.left >= least && m.right >= least, `${width}px: ${m.left}px and ${m.right}px from the sides`);
    assert.ok(m.top >= least, `${width}px: ${m.top}px from the top`);
    assert.ok(m.doc >= m.bottom + least - 1, `${width}px: the measured height (${m.doc}px) includes the padding below (${m.bottom}px)`);
    if (width === 390) await screenshot(page, 'embed-padding-390', { fullPage: false });
    assert.deepEqual(errors, []);
    await context.close();
  }
});
