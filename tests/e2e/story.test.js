// The complete explainer as a reader meets it: every beat, the timeline, the
// charts, the comparison, the lab and the parameters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { open, ready, rendered, screenshot, state, meterValue, harness, goToBeatId } from './support.js';


const env = harness();

const handle = (page, method, ...args) =>
  page.evaluate(([m, a]) => document.querySelector('[data-backchannel]').backchannel[m](...a), [method, args]);

const BEATS = ['act', 'pillars', 'predictions', 'rutte', 'observed', 'lab'];

test('every beat: axe finds nothing, and a screenshot at 390 and 1280 px', async () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
    const { context, page, errors } = await open(env.browser, env.server.url, { viewport });
    await ready(page);
    for (const [n, id] of BEATS.entries()) {
      await handle(page, 'goToBeat', n);
      await page.locator(`.bc-beat-${id}`).waitFor();
      if (id === 'act' || id === 'rutte') {
        await handle(page, 'setPublic', true);
        await handle(page, 'pause');
        await handle(page, 'seek', 300);
      }
      await page.waitForTimeout(600);
      const result = await new AxeBuilder({ page }).include('[data-backchannel]').analyze();
      assert.deepEqual(
        result.violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target).join(' ')}`),
        [],
        `axe on beat ${id} at ${viewport.width}px`,
      );
      await screenshot(page, `beat-${n + 1}-${id}-${viewport.width}`);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, 'nothing scrolls sideways');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the whole story can be completed with the keyboard alone', async () => {
  const { context, page } = await open(env.browser, env.server.url);
  await ready(page);
  const next = page.getByRole('button', { name: 'Next', exact: true });
  const focusNext = async () => {
    for (let i = 0; i < 80 && !(await next.evaluate((el) => el.getRootNode().activeElement === el)); i++) {
      await page.keyboard.press('Tab');
    }
    assert.ok(await next.evaluate((el) => el.getRootNode().activeElement === el), 'Next is reachable by Tab');
  };
  // The first beat is the act: the switch is the first thing to reach.
  assert.equal((await state(page)).beat, 'act');
  const sw = page.getByRole('switch', { name: 'Make it public' });
  for (let i = 0; i < 80 && !(await sw.evaluate((el) => el.getRootNode().activeElement === el)); i++) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Space');
  assert.equal((await state(page)).public, true);
  // Space on a non-control inside the explainer pauses; arrows step a day.
  await page.locator('.bc-charts').focus();
  await page.keyboard.press('Space');
  assert.equal((await state(page)).playing, false);
  const day = (await state(page)).day;
  await page.keyboard.press('ArrowRight');
  assert.equal((await state(page)).day, day + 1);
  await page.keyboard.press('ArrowLeft');
  assert.equal((await state(page)).day, day);
  for (const id of ['pillars', 'predictions', 'rutte', 'observed', 'lab']) {
    await focusNext();
    await page.keyboard.press('Enter');
    assert.equal((await state(page)).beat, id);
    // The step is drawn after the key's own paint, and focus moved to its
    // heading: where the next Tab starts, as for a reader.
    await rendered(page);
  }
  // The state changes at once; the pager is drawn on Yew's next render.
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-backchannel]');
    const next = (el.shadowRoot ?? el).querySelector('.bc-pager .bc-button:last-child');
    return next?.getAttribute('aria-disabled') === 'true';
  }, null, { timeout: 2000 }).catch(() => {});
  assert.equal(await next.getAttribute('aria-disabled'), 'true', 'Next ends at the last beat');
  // Focus moves to the new step's heading, where the keyboard user reads on.
  const focused = await next.evaluate((el) => el.getRootNode().activeElement?.className);
  assert.match(focused, /bc-beat-title/, 'focus moves to the step heading');
  // Shortcuts do nothing outside the explainer.
  await page.locator('h1').click();
  const before = (await state(page)).day;
  await page.keyboard.press('ArrowRight');
  assert.equal((await state(page)).day, before);
  await context.close();
});

test('scrubbing moves every view to the same day', async () => {
  const { context, page } = await open(env.browser, env.server.url);
  await ready(page);
  await goToBeatId(page, 'lab');
  await handle(page, 'selectScenario', 'what-happened');
  const range = page.getByRole('slider', { name: 'Model day' });
  await range.fill('300');
  await rendered(page);
  const s = await state(page);
  assert.equal(s.day, 300);
  assert.equal(await range.getAttribute('aria-valuetext'), '20 Apr 2026');
  assert.ok(Math.abs((await meterValue(page, /Room for compromise/)) - s.outputs.compromise * 100) <= 0.5, "whole percents");
  assert.match(await page.locator('.bc-timeline-date').textContent(), /20 Apr 2026/);
  assert.match(await page.locator('.bc-date').textContent(), /20 Apr 2026/);
  const chartLabels = await page.locator('.bc-charts [aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')).join(' | '));
  assert.match(chartLabels, /20 Apr 2026/);
  await range.fill('100');
  await rendered(page);
  assert.equal((await state(page)).day, 100);
  assert.match(await page.locator('.bc-timeline-date').textContent(), /2 Oct 2025/);
  await context.close();
});

test('only-rutte shows a clearly smaller fall in compromise than only-macron', async () => {
  const { context, page } = await open(env.browser, env.server.url);
  await ready(page);
  await goToBeatId(page, 'lab');
  const lowest = async (id) => {
    await handle(page, 'selectScenario', id);
    let min = Infinity;
    for (let day = 210; day <= 420; day += 5) {
      await handle(page, 'seek', day);
      min = Math.min(min, (await state(page)).outputs.compromise);
    }
    return min;
  };
  const rutte = await lowest('only-rutte');
  const macron = await lowest('only-macron');
  assert.ok(rutte > macron + 0.2, `only-rutte ${rutte} vs only-macron ${macron}`);
  await goToBeatId(page, 'rutte');
  const text = await page.locator('.bc-compare').textContent();
  assert.match(text, /Macron's text/);
  assert.match(text, /Rutte's January text/);
  await context.close();
});

test('a parameter changed in the panel changes the curves, and Reset restores them', async () => {
  const { context, page } = await open(env.browser, env.server.url);
  await ready(page);
  await goToBeatId(page, 'lab');
  await handle(page, 'selectScenario', 'only-macron');
  await handle(page, 'seek', 300);
  const before = (await state(page)).outputs.trust;
  await page.locator('.bc-params summary').click();
  const gamma = page.getByRole('slider', { name: /What allies learn/ });
  await gamma.fill('0.3');
  const changed = (await state(page)).outputs.trust;
  assert.ok(changed > before + 0.01, `gamma 0.3: the other allies learn less, so trust stays higher: ${before} -> ${changed}`);
  await page.getByRole('button', { name: 'Reset to defaults' }).click();
  assert.equal((await state(page)).outputs.trust, before);
  // The handle refuses bad values with a message naming the parameter.
  const message = await page.evaluate(() => {
    try {
      document.querySelector('[data-backchannel]').backchannel.setParam('gamma', 7);
      return 'accepted';
    } catch (e) {
      return e.message;
    }
  });
  assert.match(message, /^gamma:/);
  await context.close();
});

test('the lab builds repeated leaks of a chosen victim', async () => {
  const { context, page } = await open(env.browser, env.server.url);
  await ready(page);
  await goToBeatId(page, 'lab');
  await page.getByLabel('Whose message').selectOption({ label: 'Rutte' });
  await handle(page, 'seek', 100);
  await page.getByRole('button', { name: /Leak it on/ }).click();
  await handle(page, 'seek', 250);
  await page.getByRole('button', { name: /Leak it on/ }).click();
  const s = await state(page);
  assert.equal(s.scenario, 'custom');
  // The state answers the tap at once; the list is drawn after its paint.
  await rendered(page);
  assert.equal(await page.locator('.bc-lab-events li').count(), 2);
  assert.ok(s.outputs.compromise < 0.6);
  await page.getByRole('button', { name: 'Remove all leaks' }).click();
  assert.equal((await state(page)).scenario, 'kept-private');
  await context.close();
});
