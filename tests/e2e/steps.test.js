// Reading step by step, as a reader on a phone and on a desktop does, in the
// script embed and in the iframe with the README's listener (and with
// pym.js): Next, Back and the step list bring the new step's heading into
// view and focus it; every step shows one scenario on one day (meters,
// pager readout, the charts' day marker, the dates); what the reader made
// public carries across steps; a drag on the timeline pauses playback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { open, rendered, harness, explainerPage, screenshot, ROOT } from './support.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const IFRAME = readme.match(/<iframe src="https:\/\/example\.org\/backchannel\/embed\.html[^]*?<\/iframe>/)[0];
const LISTENER = readme.match(/<script>\n(\s*addEventListener\('message'[^]*?)<\/script>/)[1];
const local = (code) => code.replaceAll('https://example.org/backchannel/', '/');
const page = (body) => ({
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"></head>
<body style="margin:0"><h1>An article</h1><p>Lead paragraph.</p>${body}${'<p>Article text.</p>'.repeat(40)}</body></html>`,
});
const pym = readFileSync(join(ROOT, 'node_modules/pym.js/dist/pym.v1.min.js'), 'utf8');
const js = (body) => ({ body, type: 'text/javascript' });

const env = harness({
  '/top.html': explainerPage(),
  '/dark.html': explainerPage('theme="dark"'),
  '/t/iframe.html': page(`${local(IFRAME)}<script src="/t/listener.js"></script>`),
  '/t/listener.js': js(LISTENER),
  '/t/pym.v1.min.js': js(pym),
  '/t/pym.html': page('<div id="bc"></div><script src="/t/pym.v1.min.js"></script><script src="/t/pym-parent.js"></script>'),
  '/t/pym-parent.js': js("new pym.Parent('bc', '/embed.html', { title: 'Backchannel explainer' });"),
});

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/**
 * The explainer a test drives: in this page, or in its iframe. `heading()`
 * gives the step heading's top in the page's viewport and whether it has
 * the focus.
 */
async function explainer(p, framed) {
  if (framed) await p.waitForSelector('iframe');
  const frame = framed ? await (await p.$('iframe')).contentFrame() : p.mainFrame();
  await frame.waitForFunction(() => performance.getEntriesByName('backchannel:ready').length > 0);
  const host = frame.locator('backchannel-explainer');
  return {
    frame,
    host,
    call: (method, ...args) =>
      frame.evaluate(([m, a]) => document.querySelector('backchannel-explainer').backchannel[m](...a), [method, args]),
    heading: async () => {
      const offset = framed ? await p.evaluate(() => document.querySelector('iframe').getBoundingClientRect().top) : 0;
      const inside = await frame.evaluate(() => {
        const root = document.querySelector('backchannel-explainer').shadowRoot;
        const h = root.querySelector('.bc-beat-title');
        return { top: h.getBoundingClientRect().top, text: h.textContent, focused: root.activeElement === h };
      });
      return { ...inside, top: Math.round(offset + inside.top) };
    },
  };
}

/** Waits until the heading of step `title` stops moving, then returns where it is. */
async function settled(p, x, title) {
  let last = null;
  for (let i = 0; i < 60; i++) {
    const h = await x.heading();
    if (h.text === title && last && h.top === last.top) return h;
    last = h;
    await p.waitForTimeout(100);
  }
  return last;
}

/** Scrolls the reader to the end of the step in view, where Next and Back are tapped. */
async function toStepEnd(x) {
  await x.host.locator('.bc-export').evaluate((el) => el.scrollIntoView({ block: 'end', behavior: 'instant' }));
}

const inView = (h, viewport) => h.top >= 0 && h.top < viewport.height / 2;

for (const [where, url, framed] of [
  ['script embed', '/top.html', false],
  ['iframe with the README listener', '/t/iframe.html', true],
]) {
  for (const viewport of [PHONE, DESKTOP]) {
    test(`${where} at ${viewport.width} px: Next, Back and a step bring the new step's heading into view, focused`, async () => {
      const { context, page: p, errors } = await open(env.browser, `${env.server.url}${url}`, { viewport, reducedMotion: 'reduce' });
      const x = await explainer(p, framed);
      const titles = await x.host.locator('.bc-step-title').allTextContents();
      await toStepEnd(x);
      await x.host.getByRole('button', { name: 'Next', exact: true }).click();
      let h = await settled(p, x, titles[1]);
      assert.ok(inView(h, viewport) && h.focused, `after Next: ${JSON.stringify(h)}`);
      await x.host.getByRole('button', { name: 'Next', exact: true }).click();
      h = await settled(p, x, titles[2]);
      assert.ok(inView(h, viewport) && h.focused, `after the second Next: ${JSON.stringify(h)}`);
      // The experts' step is long: from its end, Back.
      await toStepEnd(x);
      await x.host.getByRole('button', { name: 'Back', exact: true }).click();
      h = await settled(p, x, titles[1]);
      assert.ok(inView(h, viewport) && h.focused, `after Back: ${JSON.stringify(h)}`);
      if (viewport === DESKTOP) {
        // The step list sits above the step: a reader scrolled down to read.
        await toStepEnd(x);
        await x.host.locator('.bc-step').nth(3).click();
        h = await settled(p, x, titles[3]);
        assert.ok(inView(h, viewport) && h.focused, `after a step: ${JSON.stringify(h)}`);
      }
      // The keyboard user goes on from the heading: Tab reaches what follows.
      await p.keyboard.press('Tab');
      const next = await x.frame.evaluate(() => document.querySelector('backchannel-explainer').shadowRoot.activeElement?.tagName);
      assert.ok(next && next !== 'H3', `Tab moves on from the heading: ${next}`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('with pym.js, Next scrolls the parent page to the new step (scrollToChildPos)', async () => {
  const { context, page: p, errors } = await open(env.browser, `${env.server.url}/t/pym.html`, { viewport: PHONE, reducedMotion: 'reduce' });
  const x = await explainer(p, true);
  // pym sizes the frame to the explainer's height.
  await p.waitForFunction(() => document.querySelector('iframe')?.offsetHeight > 1500);
  const titles = await x.host.locator('.bc-step-title').allTextContents();
  await toStepEnd(x);
  await x.host.getByRole('button', { name: 'Next', exact: true }).click();
  const h = await settled(p, x, titles[1]);
  assert.ok(inView(h, PHONE) && h.focused, JSON.stringify(h));
  assert.deepEqual(errors, []);
  await context.close();
});

/** What every part of the step in view says about the day and the numbers. */
function readings(x) {
  return x.frame.evaluate(() => {
    const host = document.querySelector('backchannel-explainer');
    const root = host.shadowRoot;
    const s = host.backchannel.state();
    const texts = (sel) => [...root.querySelectorAll(sel)].map((e) => e.textContent.trim());
    const trustMeter = root.querySelector('[role=meter]');
    return {
      state: s,
      dates: texts('.bc-date, .bc-timeline-date'),
      meter: trustMeter && Number(trustMeter.getAttribute('aria-valuenow')),
      // The first chart is trust; its day marker's value.
      marker: texts('.bc-chart-now-label')[0],
      summary: root.querySelector('.bc-chart-svg')?.getAttribute('aria-label'),
      readout: texts('.bc-pager-readout')[0],
    };
  });
}

for (const [where, url, framed] of [
  ['script embed', '/top.html', false],
  ['iframe', '/t/iframe.html', true],
]) {
  test(`${where}: every step shows one scenario on one day, and what the reader did carries on`, async () => {
    const { context, page: p, errors } = await open(env.browser, `${env.server.url}${url}`, { viewport: PHONE, reducedMotion: 'reduce' });
    const x = await explainer(p, framed);
    await x.host.getByRole('switch').first().click();
    await x.call('seek', 330);
    const first = (await readings(x)).state;
    const titles = await x.host.locator('.bc-step-title').allTextContents();
    for (let n = 0; n < titles.length - 1; n++) {
      const r = await readings(x);
      const trust = Math.round(r.state.outputs.trust * 100);
      assert.equal(r.state.day, 330, `${r.state.beat}: the day the reader reached is kept`);
      assert.equal(r.state.scenario, first.scenario, `${r.state.beat}: the reader's post is still in view`);
      assert.equal(new Set(r.dates).size <= 1, true, `${r.state.beat}: one date: ${r.dates}`);
      if (r.meter !== null) assert.equal(r.meter, trust, `${r.state.beat}: meter`);
      if (r.marker) assert.equal(r.marker, `${trust}%`, `${r.state.beat}: the chart's day marker`);
      if (r.summary && r.dates[0]) assert.ok(r.summary.includes(r.dates[0]), `${r.state.beat}: ${r.summary}`);
      if (r.readout) assert.ok(r.readout.includes(`Trust ${trust}%`), `${r.state.beat}: ${r.readout}`);
      if (r.state.beat === 'rutte') {
        // Both texts public, as happened: one tap on this step's switch.
        assert.equal(r.state.public, false, 'this step starts with its own text private');
        await x.host.getByRole('switch').first().click();
        await rendered(x.frame);
        const both = await readings(x);
        assert.equal(both.state.scenario, 'what-happened');
        const pressed = x.host.locator('.bc-compare-show[aria-pressed="true"]');
        assert.equal(await pressed.count(), 1);
        assert.match(await pressed.locator('xpath=..').innerText(), /What happened/);
        // Each alone, one tap away; then both again.
        await x.host.locator('.bc-compare-show').nth(1).click();
        assert.equal((await readings(x)).state.scenario, 'only-rutte');
        await x.host.locator('.bc-compare-show').nth(2).click();
        assert.equal((await readings(x)).state.scenario, 'what-happened');
        await x.call('seek', 330);
        first.scenario = 'what-happened';
      }
      await x.host.getByRole('button', { name: 'Next', exact: true }).click();
      // The step is drawn after the tap's own paint, in the explainer's frame.
      await rendered(x.frame);
    }
    // The lab opens on what the reader saw last.
    const lab = await readings(x);
    assert.equal(lab.state.beat, 'lab');
    assert.equal(lab.state.scenario, 'what-happened');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

for (const viewport of [PHONE, DESKTOP]) {
  test(`iframe at ${viewport.width} px: grabbing the timeline pauses playback`, async () => {
    const { context, page: p, errors } = await open(env.browser, `${env.server.url}/t/iframe.html`, { viewport });
    const x = await explainer(p, true);
    await x.host.getByRole('switch').first().click();
    assert.equal((await x.call('state')).playing, true);
    const range = x.host.locator('.bc-scrub-range');
    await range.scrollIntoViewIfNeeded();
    const box = await range.boundingBox();
    await p.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
    await p.mouse.down();
    await p.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
    const held = (await x.call('state')).day;
    await p.waitForTimeout(500);
    const still = await x.call('state');
    assert.equal(still.playing, false, 'the drag paused playback');
    assert.equal(still.day, held, 'the day stays under a still finger');
    await p.mouse.up();
    await p.waitForTimeout(300);
    assert.equal((await x.call('state')).playing, false, 'letting go does not restart it');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('every step at 390 px, in English and French, light and dark, made public: nothing wider than the screen (screenshots saved)', async () => {
  for (const [scheme, url] of [['light', '/top.html'], ['dark', '/dark.html']]) {
    for (const lang of ['en', 'fr']) {
      const { context, page: p, errors } = await open(env.browser, `${env.server.url}${url}`, { viewport: PHONE, reducedMotion: 'reduce' });
      const x = await explainer(p, false);
      await x.call('setLanguage', lang);
      await x.host.getByRole('switch').first().click();
      const count = await x.host.locator('.bc-step').count();
      for (let n = 0; n < count; n++) {
        await x.call('goToBeat', n);
        const { beat } = await x.call('state');
        await x.host.locator(`.bc-beat-${beat}`).waitFor();
        const wide = await x.frame.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(wide <= PHONE.width, `${lang} ${scheme} ${beat}: ${wide} px wide`);
        await x.host.locator('.bc-beat').evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
        await screenshot(p, `step-${lang}-${scheme}-${n + 1}-${beat}`);
      }
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});
