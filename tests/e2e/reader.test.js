// The reader's path on a phone and a desktop: the act first, a story that
// remembers what the reader did, honest numbers, the morph, and navigation
// within thumb reach.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, ready, rendered, screenshot, state, runningAnimations, harness, goToBeatId, explainerPage } from './support.js';

const SCENARIOS = ['what-happened', 'only-macron', 'only-rutte', 'kept-private'];
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

const page = explainerPage;

const pages = {
  '/top.html': page(),
  '/dark.html': page('theme="dark"'),
};
for (const id of SCENARIOS) pages[`/scenario-${id}.html`] = page(`scenario="${id}"`);
for (const lang of ['fr', 'vi']) pages[`/${lang}.html`] = page(`lang="${lang}"`);
const env = harness(pages);

const inShadow = (page, fn, arg) =>
  page.evaluate(
    ([src, arg]) => {
      const root = document.querySelector('[data-backchannel]').shadowRoot;
      return new Function('root', 'arg', src)(root, arg);
    },
    [fn, arg],
  );

const rect = (page, selector) =>
  inShadow(
    page,
    `const el = root.querySelector(arg); if (!el) return null; const r = el.getBoundingClientRect();
     return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };`,
    selector,
  );

test('the first screen shows the private message and the switch, with trust and compromise beside it', async () => {
  for (const viewport of VIEWPORTS) {
    const { context, page, errors } = await open(env.browser, `${env.server.url}/top.html`, { viewport });
    await ready(page);
    const s = await state(page);
    assert.equal(s.beat, 'act', 'the story opens on the act');
    assert.equal(s.public, false);
    // The pager sticks to the bottom: what it covers is not on screen.
    const pager = await rect(page, '.bc-pager');
    const visibleBottom = Math.min(viewport.height, pager.top);
    for (const selector of ['.bc-chat-meta', '.bc-bubble', '.bc-cue', '.bc-switch']) {
      const r = await rect(page, selector);
      assert.ok(r, `${selector} exists`);
      assert.ok(r.top >= 0 && r.bottom <= visibleBottom + 1, `${selector} within the first screen at ${viewport.width}px: ${JSON.stringify(r)} (visible to ${visibleBottom})`);
    }
    const meta = await inShadow(page, `return root.querySelector('.bc-chat-meta').textContent;`);
    assert.match(meta, /Emmanuel Macron/);
    assert.match(meta, /Donald Trump/);
    assert.match(meta, /20 Jan 2026/);
    assert.match(await inShadow(page, `return root.querySelector('.bc-cue').textContent;`), /Private/);
    // The two effects by name, first among the meters, right after the switch.
    const names = await page.getByRole('meter').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    assert.deepEqual(names.slice(0, 2), ['Trust', 'Room for compromise']);
    const sw = await rect(page, '.bc-switch');
    const effects = await rect(page, '.bc-effects');
    const beside = viewport.width >= 900 ? effects.left >= sw.right - 1 : effects.top >= sw.bottom && effects.top - sw.bottom < 140;
    assert.ok(beside, `the effects sit beside the switch at ${viewport.width}px`);
    await screenshot(page, `reader-first-screen-${viewport.width}`, { fullPage: false });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('under every configured scenario the switch is off wherever it is shown until the reader flips it', async () => {
  for (const id of SCENARIOS) {
    const { context, page, errors } = await open(env.browser, `${env.server.url}/scenario-${id}.html`, { viewport: VIEWPORTS[0] });
    await ready(page);
    for (const beat of ['act', 'pillars', 'predictions', 'rutte', 'observed', 'lab', 'rutte', 'act']) {
      await goToBeatId(page, beat);
      const switches = await page.getByRole('switch').evaluateAll((els) => els.map((e) => e.getAttribute('aria-checked')));
      for (const checked of switches) assert.equal(checked, 'false', `${id}: switch off on ${beat}`);
      assert.equal((await state(page)).public, false, `${id}: state().public on ${beat}`);
      // Before any flip, the lab opens on the configured scenario.
      if (beat === 'lab') assert.equal((await state(page)).scenario, id, `${id}: the lab opens on it`);
    }
    // The configured scenario is what the reader's flip sets in motion.
    await goToBeatId(page, 'act');
    await page.getByRole('switch', { name: 'Make it public' }).click();
    const s = await state(page);
    assert.equal(s.public, true);
    assert.equal(s.scenario, id === 'what-happened' ? 'what-happened' : 'only-macron', `${id}: what the flip plays`);
    // After the flip, the lab opens on what the reader saw.
    await goToBeatId(page, 'lab');
    assert.equal((await state(page)).scenario, s.scenario, `${id}: the lab opens on what the reader saw`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('what the reader did persists across beats, by the pager', async () => {
  const { context, page } = await open(env.browser, `${env.server.url}/top.html`, { viewport: VIEWPORTS[0] });
  await ready(page);
  const sw = page.getByRole('switch', { name: 'Make it public' });
  await sw.click();
  const next = page.getByRole('button', { name: 'Next', exact: true });
  const back = page.getByRole('button', { name: 'Back', exact: true });
  await next.click();
  await next.click();
  assert.equal((await state(page)).beat, 'predictions');
  await back.click();
  await back.click();
  // The state answers at once; the step is drawn after the tap's own paint.
  await rendered(page);
  assert.equal((await state(page)).beat, 'act');
  assert.equal(await sw.getAttribute('aria-checked'), 'true', 'still public');
  assert.equal((await state(page)).public, true);
  await context.close();
});

test('the predictions show the model after the leak even when the reader skipped the flip, and say so', async () => {
  const { context, page } = await open(env.browser, `${env.server.url}/top.html`, { viewport: VIEWPORTS[1] });
  await ready(page);
  await goToBeatId(page, 'predictions');
  const s = await state(page);
  assert.equal(s.public, false);
  assert.equal(s.scenario, 'only-macron');
  assert.ok(s.day > 210, 'some time after the post');
  const note = await inShadow(page, `return root.querySelector('.bc-private-note')?.textContent ?? '';`);
  assert.match(note, /kept Macron's text private/);
  const kleine = await inShadow(page, `return [...root.querySelectorAll('.bc-card')].find((c) => c.textContent.includes('Kleine')).textContent;`);
  assert.doesNotMatch(kleine, /100 % \(baseline 100 %\)/);
  await context.close();
});

test('the Rutte beat compares the two texts side by side in the charts', async () => {
  const { context, page } = await open(env.browser, `${env.server.url}/top.html`, { viewport: VIEWPORTS[1] });
  await ready(page);
  await goToBeatId(page, 'rutte');
  const text = await inShadow(page, `return root.querySelector('.bc-charts').textContent;`);
  assert.match(text, /Macron/);
  assert.match(text, /Rutte/);
  assert.match(text, /Texts of Macron and Rutte posted/, 'one annotation for the two texts posted that day');
  const lines = await inShadow(page, `return root.querySelector('.bc-chart').querySelectorAll('.bc-chart-run, .bc-chart-compare').length;`);
  assert.ok(lines >= 2, `two runs drawn in one chart (${lines})`);
  await screenshot(page, 'reader-rutte-1280');
  await context.close();
});

test('bars of one kind share one scale, and numbers are whole percents', async () => {
  const { context, page } = await open(env.browser, `${env.server.url}/top.html`, { viewport: VIEWPORTS[0] });
  await ready(page);
  await page.getByRole('switch', { name: 'Make it public' }).click();
  await page.evaluate(() => {
    const h = document.querySelector('[data-backchannel]').backchannel;
    h.pause();
    h.seek(300);
  });
  const meters = await inShadow(
    page,
    `return [...root.querySelectorAll('[role=meter]')].map((m) => ({
      max: m.getAttribute('aria-valuemax'), now: Number(m.getAttribute('aria-valuenow')),
      fill: m.querySelector('.bc-meter-fill').getBoundingClientRect().width,
      track: m.querySelector('.bc-meter-track').getBoundingClientRect().width,
      text: m.querySelector('.bc-meter-value').textContent }));`,
  );
  for (const m of meters) {
    assert.equal(m.max, '100');
    assert.ok(Math.abs(m.fill / m.track - m.now / 100) < 0.01, `bar length is the value on a 0–100 scale: ${JSON.stringify(m)}`);
    assert.match(m.text, /^\d+ ?%$/, 'whole percents');
  }
  const risk = await inShadow(page, `return root.querySelector('.bc-leak-risk').textContent;`);
  assert.match(risk, /^Leak risk \d+ ?%: the chance that a message to him becomes public \(5 ?% with no leak\)$/);
  await context.close();
});

// Kleine, quoted beside the number: "anything said to him is unlikely to
// remain confidential". After the flip the headline number must agree.
const KLEINE = 'anything said to him is unlikely to remain confidential';
// "Trust barely moves" and its translations, as the first model said it.
const BARELY = /barely|so little|à peine|si peu|hầu như không|ít như vậy/i;

test('after the flip the first screen shows trust falling below half as the months play, with Kleine beside it, in each language', async () => {
  for (const lang of ['en', 'fr', 'vi']) {
    for (const viewport of VIEWPORTS) {
      const { context, page } = await open(env.browser, `${env.server.url}/${lang === 'en' ? 'top' : lang}.html`, { viewport });
      await ready(page);
      await page.getByRole('switch').first().click();
      await page.waitForFunction(() => document.querySelector('[data-backchannel]').backchannel.state().day >= 250);
      const where = `${lang} at ${viewport.width} px`;
      const trust = await inShadow(page, `const m = root.querySelector('[role=meter]'); const r = m.getBoundingClientRect();
        return { now: Number(m.getAttribute('aria-valuenow')), top: r.top, bottom: r.bottom };`);
      assert.ok(trust.now < 50, `${where}: the trust meter reads ${trust.now} %`);
      assert.ok(trust.top >= 0 && trust.bottom <= viewport.height, `${where}: the trust meter is on the first screen (${trust.top}–${trust.bottom})`);
      const s = await state(page);
      assert.ok(s.outputs.trust < 0.5, `${where}: state().outputs.trust ${s.outputs.trust}`);
      const readout = await inShadow(page, `return root.querySelector('.bc-pager-readout')?.textContent ?? '';`);
      const shown = Number(readout.match(/\d+/)?.[0]);
      assert.ok(shown < 50, `${where}: the pager reads "${readout}"`);
      const insight = await inShadow(page, `return root.querySelector('.bc-insight').textContent;`);
      assert.ok(insight.includes(KLEINE), `${where}: the insight holds the number against Kleine's words: ${insight}`);
      const text = await inShadow(page, `return root.textContent;`);
      assert.doesNotMatch(text, BARELY, `${where}: no sentence says trust barely moves`);
      await screenshot(page, `reader-trust-${lang}-${viewport.width}`, { fullPage: false });
      await context.close();
    }
  }
});

test('the flip morphs the bubble into the post and the effects start at once; reduced motion shows a later day', async () => {
  const { context, page } = await open(env.browser, `${env.server.url}/top.html`, { viewport: VIEWPORTS[0] });
  await ready(page);
  const before = await state(page);
  await page.getByRole('switch', { name: 'Make it public' }).click();
  await rendered(page);
  const animations = await inShadow(page, `return root.querySelector('.bc-bubble').getAnimations().length;`);
  assert.ok(animations > 0, 'the bubble itself animates (FLIP of the same element)');
  // The post morphs on screen ...
  const morphing = await rect(page, '.bc-bubble');
  assert.ok(morphing.top >= 0 && morphing.top < 844, 'the post is on screen while it morphs');
  // Frames mid-morph, as the reader's screen shows them.
  for (const frame of ['a', 'b', 'c']) {
    await screenshot(page, `reader-morph-390-${frame}`, { fullPage: false });
    await page.waitForTimeout(150);
  }
  // The effects move: playback runs from the post and compromise is below the baseline.
  const s = await state(page);
  assert.equal(s.playing, true);
  assert.ok(s.outputs.compromise < before.outputs.compromise);
  // ... then, on a phone where the numbers sit under the post, the page
  // brings them on screen as the months play.
  await page.waitForFunction(() => document.querySelector('[data-backchannel]').backchannel.state().day > 240);
  await page.waitForTimeout(300);
  const effects = await rect(page, '.bc-effects');
  assert.ok(effects.top >= 0 && effects.top < 200, `the effects are on screen after the morph (top ${effects.top})`);
  await context.close();

  const calm = await open(env.browser, `${env.server.url}/top.html`, { viewport: VIEWPORTS[0], reducedMotion: 'reduce' });
  await ready(calm.page);
  await calm.page.getByRole('switch', { name: 'Make it public' }).click();
  await rendered(calm.page);
  const r = await state(calm.page);
  assert.equal(r.playing, false);
  assert.ok(r.day >= 300, `some months after the post at once (day ${r.day})`);
  assert.ok(r.outputs.candor < before.outputs.candor, 'candor has fallen');
  assert.equal(await runningAnimations(calm.page), 0);
  await calm.context.close();
});

test('Back and Next stay within thumb reach in a long beat on a phone', async () => {
  const { context, page } = await open(env.browser, `${env.server.url}/top.html`, { viewport: VIEWPORTS[0] });
  await ready(page);
  // The longest step on a phone (the experts' step shows one card at a time).
  await goToBeatId(page, 'rutte');
  const height = await inShadow(page, `return root.querySelector('.bc-beat').getBoundingClientRect().height;`);
  assert.ok(height > 1500, 'a long beat');
  await page.evaluate(() => window.scrollTo(0, 1200));
  const next = await page.getByRole('button', { name: 'Next', exact: true }).boundingBox();
  assert.ok(next.y >= 0 && next.y + next.height <= 844, `Next on screen mid-beat: ${JSON.stringify(next)}`);
  const steps = await inShadow(page, `return getComputedStyle(root.querySelector('.bc-nav')).display;`);
  assert.equal(steps, 'none', 'no rows of bare step numbers on a phone');
  const where = await inShadow(page, `return root.querySelector('.bc-pager-where').textContent;`);
  assert.match(where, /Step 4 of 6/);
  // The beat's title, or while a leak is in view the two headline numbers.
  assert.match(where, /Rutte's message|Trust \d+ ?% · Compromise \d+ ?%/);
  await context.close();
});

test('screenshots of the whole path at 320, 390 and 1280 px in both themes', async () => {
  for (const width of [320, 390, 1280]) {
    for (const theme of ['light', 'dark']) {
      const url = `${env.server.url}/${theme === 'dark' ? 'dark' : 'top'}.html`;
      const { context, page, errors } = await open(env.browser, url, { viewport: { width, height: width > 900 ? 800 : 844 } });
      await ready(page);
      for (const beat of ['act', 'pillars', 'predictions', 'rutte', 'observed', 'lab']) {
        await goToBeatId(page, beat);
        if (beat === 'act' || beat === 'rutte') {
          await page.getByRole('switch', { name: 'Make it public' }).click();
          await page.evaluate(() => {
            const h = document.querySelector('[data-backchannel]').backchannel;
            h.pause();
            h.seek(300);
          });
        }
        await page.waitForTimeout(100);
        await screenshot(page, `path-${width}-${theme}-${beat}`);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(overflow, false, `nothing scrolls sideways at ${width}px`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});

test("the Rutte beat shows the Élysée's reading of Macron's text beside the model's, and one tap opens it in the lab", async () => {
  const { context, page } = await open(env.browser, `${env.server.url}/top.html`, { viewport: VIEWPORTS[0] });
  await ready(page);
  await goToBeatId(page, 'rutte');
  const item = await inShadow(page, `return [...root.querySelectorAll('.bc-compare-item')].find((i) => i.textContent.includes("Macron's text")).textContent;`);
  assert.match(item, /Sensitivity in the model: 0\.6/);
  assert.match(item, /The Élysée read it otherwise/);
  assert.match(item, /Read that way, its sensitivity would be 0\.15\./);
  assert.match(item, /Trust after the post: \d+ ?% \(baseline 95 ?%\)/);
  await page.getByRole('button', { name: 'Try that reading in the lab' }).click();
  const s = await state(page);
  assert.equal(s.beat, 'lab');
  assert.equal(s.scenario, 'elysee-reading');
  await page.evaluate(() => document.querySelector('[data-backchannel]').backchannel.seek(300));
  const later = await state(page);
  assert.ok(later.outputs.trust > 0.9, `read as the Élysée did, trust stays high (${later.outputs.trust})`);
  await context.close();
});

test('grabbing the timeline while it plays pauses it, and letting go does not restart it', async () => {
  const { context, page } = await open(env.browser, `${env.server.url}/top.html`, { viewport: VIEWPORTS[0] });
  await ready(page);
  await page.getByRole('switch', { name: 'Make it public' }).click();
  await page.waitForFunction(() => document.querySelector('[data-backchannel]').backchannel.state().day > 225);
  assert.equal((await state(page)).playing, true);
  const range = page.locator('[data-backchannel] .bc-scrub-range').first();
  await range.scrollIntoViewIfNeeded();
  const box = await range.boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.7, y);
  await page.mouse.down();
  assert.equal((await state(page)).playing, false, 'paused as soon as the thumb is held');
  await page.mouse.move(box.x + box.width * 0.4, y, { steps: 5 });
  const held = (await state(page)).day;
  await page.waitForTimeout(500);
  assert.equal((await state(page)).day, held, 'the day stays under a still finger');
  await page.mouse.up();
  await page.waitForTimeout(500);
  const after = await state(page);
  assert.equal(after.playing, false, 'letting go does not restart playback');
  assert.equal(after.day, held);
  await context.close();
});
