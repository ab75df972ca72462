// The slice as a reader meets it: the message, the switch, the effects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { open, ready, rendered, screenshot, state, meterValue, runningAnimations, ROOT, harness, goToBeatId } from './support.js';

const story = JSON.parse(await readFile(join(ROOT, 'www/packs/greenland-2026.json'), 'utf8'));
const macron = story.messages[0];

const env = harness();

const SWITCH = { name: 'Make it public' };

/** Opens the demo and shows the beat with Macron's message and the switch. */
async function openAtAct(options) {
  const opened = await open(env.browser, env.server.url, options);
  await ready(opened.page);
  await goToBeatId(opened.page, 'act');
  await opened.page.getByRole('switch', SWITCH).waitFor();
  return opened;
}

test('loads with no console errors, shows the message verbatim and the model label', async () => {
  const { context, page, errors } = await openAtAct();
  const text = await page.locator('.bc-bubble-text').textContent();
  assert.equal(text, macron.text);
  const source = await page.locator('.bc-root').textContent();
  assert.match(source, /A model, not a forecast/);
  assert.match(source, /Private — only the two of them can see this/);
  assert.match(source, /Emmanuel Macron, President of France/);
  const s = await state(page);
  assert.deepEqual(
    Object.keys(s.outputs),
    ['leak_risk', 'trust', 'candor', 'leaker_share', 'rerouted', 'rhetoric', 'lock_in', 'publicity', 'safety_valve', 'compromise', 'speed', 'progress'],
  );
  assert.equal(s.public, false);
  assert.equal(s.scenario, 'kept-private');
  assert.deepEqual(errors, []);
  await context.close();
});

test('pointer: going public plays the leak, trust and compromise fall, candor follows, going private restores the baseline', async () => {
  const { context, page, errors } = await openAtAct();
  const baseline = await meterValue(page, /Room for compromise/);
  const candor0 = await meterValue(page, /Candor/);
  const sw = page.getByRole('switch', SWITCH);
  await sw.click();
  await rendered(page);
  assert.equal(await sw.getAttribute('aria-checked'), 'true');
  await page.getByText(macron.caption).waitFor();
  const s = await state(page);
  assert.equal(s.public, true);
  assert.equal(s.scenario, 'only-macron');
  assert.equal(s.playing, true);
  const first = await meterValue(page, /Room for compromise/);
  assert.ok(first < baseline, `compromise ${first} should be below the baseline ${baseline} once public`);
  assert.ok((await meterValue(page, /^Trust/)) < 50, 'trust falls below half at once (Kleine)');
  // Three seconds of playback is about a month of model time: allies hold
  // back more and more of what they sent him.
  await page.waitForFunction(() => document.querySelector('[data-backchannel]').backchannel.state().day >= 250);
  const candor = await meterValue(page, /Candor/);
  assert.ok(candor < candor0 / 2, `candor should fall over the weeks: ${candor0} -> ${candor}`);
  const shown = await state(page);
  assert.ok(Math.abs(shown.outputs.compromise * 100 - (await meterValue(page, /Room for compromise/))) < 2);

  await sw.click();
  await rendered(page);
  assert.equal(await sw.getAttribute('aria-checked'), 'false');
  const restored = await meterValue(page, /Room for compromise/);
  assert.equal(restored, baseline);
  assert.equal((await state(page)).scenario, 'kept-private');
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard: Tab reaches the switch, Space and Enter flip it', async () => {
  const { context, page } = await openAtAct();
  const sw = page.getByRole('switch', SWITCH);
  for (let i = 0; i < 80 && !(await sw.evaluate((el) => el.getRootNode().activeElement === el)); i++) {
    await page.keyboard.press('Tab');
  }
  assert.ok(await sw.evaluate((el) => el.getRootNode().activeElement === el), 'the switch takes focus by Tab');
  await page.keyboard.press('Space');
  await rendered(page);
  assert.equal(await sw.getAttribute('aria-checked'), 'true');
  assert.equal((await state(page)).public, true);
  await page.keyboard.press('Enter');
  await rendered(page);
  assert.equal(await sw.getAttribute('aria-checked'), 'false');
  assert.equal((await state(page)).public, false);
  await context.close();
});

test('the handle drives the explainer: setPublic, state, and the live region', async () => {
  const { context, page } = await openAtAct();
  await page.evaluate(() => document.querySelector('[data-backchannel]').backchannel.setPublic(true));
  const s = await state(page);
  assert.equal(s.public, true);
  await page.getByRole('switch', SWITCH).and(page.locator('[aria-checked="true"]')).waitFor();
  const live = page.locator('[aria-live="polite"]');
  await assertEventually(async () => /now public/.test(await live.textContent()));
  await context.close();
});

test('axe finds no violations, private and public, at 390 and 1280 px', async () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
    const { context, page } = await openAtAct({ viewport });
    for (const publicState of [false, true]) {
      if (publicState) await page.getByRole('switch', SWITCH).click();
      await page.waitForTimeout(700);
      const result = await new AxeBuilder({ page }).include('[data-backchannel]').analyze();
      assert.deepEqual(
        result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
        [],
        `axe, ${viewport.width}px, ${publicState ? 'public' : 'private'}`,
      );
      await screenshot(page, `slice-${viewport.width}-${publicState ? 'public' : 'private'}`);
    }
    await context.close();
  }
});

test('reduced motion: no animation runs and nothing autoplays', async () => {
  const { context, page } = await openAtAct({ reducedMotion: 'reduce' });
  await page.getByRole('switch', SWITCH).click();
  await rendered(page);
  const running = await runningAnimations(page);
  assert.equal(running, 0);
  const s = await state(page);
  assert.equal(s.public, true);
  assert.equal(s.playing, false);
  assert.equal(s.day, 360, 'the flip shows the state some months after the post at once');
  const day = s.day;
  await page.waitForTimeout(500);
  assert.equal((await state(page)).day, day, 'the clock does not move by itself');
  await context.close();
});

test('motion: going public animates the bubble into the post', async () => {
  const { context, page } = await openAtAct();
  await page.getByRole('switch', SWITCH).click();
  await rendered(page);
  const running = await runningAnimations(page);
  assert.ok(running > 0, 'a transform/opacity animation runs');
  await context.close();
});

// Yew's scheduler yields to the browser once it has run 16 ms. On a slow
// phone the flip's render takes longer, and it yielded before the effect
// that starts the morph: the browser painted the post in place, then the
// bubble jumped back to morph into it (vendor/yew/PATCHED.md).
test('motion on a slow phone (CPU 6x slower): the first frame that shows the post is already morphing', async () => {
  const { context, page } = await openAtAct({ viewport: { width: 390, height: 844 } });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  const toggle = page.getByRole('switch', SWITCH);
  await toggle.scrollIntoViewIfNeeded();
  const at = await toggle.boundingBox();
  // What each frame is about to paint: the post's header, and the morph.
  await page.evaluate(() => {
    const root = document.querySelector('[data-backchannel]').shadowRoot ?? document;
    window.__frames = [];
    const tick = () => {
      const bubble = root.querySelector('.bc-bubble');
      window.__frames.push({ post: !!root.querySelector('.bc-post-head'), morphing: bubble.getAnimations().length > 0 });
      // Until a few frames after the post shows (or about 10 s at most).
      const since = window.__frames.findIndex((f) => f.post);
      if ((since < 0 || window.__frames.length < since + 5) && window.__frames.length < 600) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.click(at.x + at.width / 2, at.y + at.height / 2);
  await page.waitForFunction(() => window.__frames.some((f) => f.post), null, { timeout: 20000 });
  const frames = await page.evaluate(() => window.__frames);
  const first = frames.find((f) => f.post);
  assert.equal(first.morphing, true, 'the first frame with the post shows it in place, with no morph running');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await context.close();
});

test('no wasm: the demo page shows the static story in the explainer\'s place, with the message', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(env.server.url);
  // The story from the element's <noscript>, which the loader shows in its shadow root.
  const story = page.locator('[data-backchannel] .bc-static');
  await story.waitFor({ state: 'visible' });
  const text = await story.evaluate((el) => el.innerText.replace(/\s+/g, ' '));
  assert.ok(text.includes(macron.text.replace(/\s+/g, ' ')));
  await context.close();
});

async function assertEventually(check, ms = 3000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail('condition not met in time');
}
