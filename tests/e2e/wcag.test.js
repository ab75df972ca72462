// WCAG 2.2 AA across the states a reader can reach, beyond the spot checks
// of the other files: axe in every state (every step, private and public,
// the about and parameters panels and the data tables open) in each
// language, light and dark, at 320, 390 and 1280 px; the page at 200 % and
// 400 % zoom; and, with reduced motion, no animation running after each
// thing a reader does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { open, ready, rendered, screenshot, state, harness, animationsDone, runningAnimations, ROOT, explainerPage, beatIds } from './support.js';

const LANGS = ['en', 'fr', 'vi'];
const THEMES = ['light', 'dark'];
const locale = Object.fromEntries(
  await Promise.all(LANGS.map(async (l) => [l, JSON.parse(await readFile(join(ROOT, `www/locales/${l}.json`), 'utf8'))])),
);

const pages = {};
for (const lang of LANGS) {
  for (const theme of THEMES) pages[`/${lang}-${theme}.html`] = explainerPage(`lang="${lang}" theme="${theme}"`);
}
const env = harness(pages);

const handle = (page, method, ...args) =>
  page.evaluate(([m, a]) => document.querySelector('[data-backchannel]').backchannel[m](...a), [method, args]);

/** Opens every disclosure in the explainer (panels, data tables). */
const openDisclosures = (page) =>
  page.evaluate(() => {
    for (const d of document.querySelector('[data-backchannel]').shadowRoot.querySelectorAll('details')) d.open = true;
  });

async function axe(page, where) {
  await animationsDone(page, 3000);
  const result = await new AxeBuilder({ page }).include('[data-backchannel]').analyze();
  const found = result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  assert.deepEqual(found, [], `axe, ${where}`);
}

/**
 * Visits every step in order, the first made public and settled at day 300
 * (so every later step shows the leak), calling `visit(id)` on each.
 */
async function eachStep(page, visit) {
  const beats = await beatIds(page);
  for (const [n, id] of beats.entries()) {
    await handle(page, 'goToBeat', n);
    await page.locator(`.bc-beat-${id}`).waitFor();
    if (n === 0) {
      await handle(page, 'setPublic', true);
      await handle(page, 'pause');
      await handle(page, 'seek', 300);
    }
    await visit(id);
  }
}

/** Axe in every state of one language, theme and width. */
async function everyState(lang, theme, width) {
  const where = `${lang}, ${theme}, ${width}px`;
  const { context, page, errors } = await open(env.browser, `${env.server.url}/${lang}-${theme}.html`, {
    viewport: { width, height: 800 },
    colorScheme: theme,
  });
  await ready(page);
  await axe(page, `${where}, first step, private`);
  await eachStep(page, async (id) => {
    await openDisclosures(page);
    await axe(page, `${where}, ${id}`);
  });
  // The lab with the reader's own leak in its list.
  await page.locator('.bc-lab-buttons .bc-button').first().click();
  await rendered(page);
  await openDisclosures(page);
  await axe(page, `${where}, lab with a leak of the reader's`);
  if (width !== 1280 && theme === 'dark') await screenshot(page, `wcag-${lang}-${theme}-${width}-lab`);
  assert.deepEqual(errors, [], where);
  await context.close();
}

test('axe: every step, private and public, panels and tables open; each language, light and dark, 320/390/1280 px', async () => {
  // The languages side by side: axe takes about a second a state, and the
  // pages do not share a renderer.
  for (const theme of THEMES) {
    for (const width of [320, 390, 1280]) await Promise.all(LANGS.map((lang) => everyState(lang, theme, width)));
  }
});

/** Whether anything makes the page or the explainer scroll sideways, and what overflows. */
const sideways = (page) =>
  page.evaluate(() => {
    const root = document.querySelector('[data-backchannel]').shadowRoot;
    const width = document.documentElement.clientWidth;
    const over = [...root.querySelectorAll('*')]
      .filter((el) => el.getClientRects().length && !el.closest('svg, .bc-table-wrap'))
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .map((el) => el.className || el.tagName);
    return { page: document.documentElement.scrollWidth > window.innerWidth, over: [...new Set(over)].slice(0, 5) };
  });

test('200 % and 400 % zoom: nothing scrolls sideways, the switch and every step work, nothing sticks over the story', async () => {
  // Browser zoom on a 1280 × 800 window: the page gets half or a quarter of
  // the CSS pixels, drawn at two or four device pixels each.
  for (const zoom of [2, 4]) {
    for (const lang of LANGS) {
      const viewport = { width: 1280 / zoom, height: 800 / zoom };
      const { context, page, errors } = await open(env.browser, `${env.server.url}/${lang}-light.html`, {
        viewport,
        deviceScaleFactor: zoom,
      });
      await ready(page);
      const where = `${zoom * 100}%, ${lang}`;
      const sw = page.getByRole('switch');
      await sw.scrollIntoViewIfNeeded();
      await sw.click();
      assert.equal((await state(page)).public, true, `${where}: the switch flips`);
      const beats = await beatIds(page);
      for (const [n, id] of beats.entries()) {
        await handle(page, 'goToBeat', n);
        await page.locator(`.bc-beat-${id}`).waitFor();
        await openDisclosures(page);
        await animationsDone(page, 3000);
        assert.deepEqual(await sideways(page), { page: false, over: [] }, `${where}, ${id}`);
      }
      // Nothing fixed or sticky: at 400 % the window is 200 CSS px tall.
      const pinned = await page.evaluate(() =>
        [...document.querySelector('[data-backchannel]').shadowRoot.querySelectorAll('*')]
          .filter((el) => ['fixed', 'sticky'].includes(getComputedStyle(el).position))
          .map((el) => el.className),
      );
      assert.deepEqual(pinned, [], `${where}: nothing pinned over the story`);
      if (lang !== 'en') {
        // The reader's language control works at this zoom too.
        await page.getByRole('combobox', { name: locale[lang]['language.label'] }).selectOption('en');
        await page.locator('.bc-title', { hasText: locale.en['explainer.title'] }).waitFor();
      }
      await screenshot(page, `zoom-${zoom * 100}-${lang}`, { fullPage: false });
      assert.deepEqual(errors, [], where);
      await context.close();
    }
  }
});

test('reduced motion: no animation runs after anything the reader does', async () => {
  const { context, page, errors } = await open(env.browser, `${env.server.url}/en-light.html`, {
    viewport: { width: 390, height: 844 },
    reducedMotion: 'reduce',
  });
  await ready(page);
  const still = async (after) => {
    // An input is drawn after its own paint; two frames more and any
    // transition would have started.
    await rendered(page);
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    assert.equal(await runningAnimations(page), 0, `no animation after ${after}`);
  };
  const w = { ...locale.en, ...JSON.parse(await readFile(join(ROOT, 'www/packs/greenland-2026.json'), 'utf8')).strings.en };
  await still('loading');
  await page.getByRole('switch').click();
  await still('the flip');
  assert.equal((await state(page)).playing, false, 'the flip does not start playback');
  await page.getByRole('switch').click();
  await still('flipping back');
  await page.getByRole('switch').click();
  const next = page.getByRole('button', { name: w['nav.next'], exact: true });
  const beats = await beatIds(page);
  for (const id of beats.slice(1)) {
    await next.click();
    await page.locator(`.bc-beat-${id}`).waitFor();
    await still(`Next to ${id}`);
  }
  await page.getByRole('button', { name: w['nav.back'], exact: true }).click();
  await still('Back');
  await next.click();
  // The lab: play (the reader asked), pause, scrub, a scenario, a leak, a parameter, the panels.
  const play = page.locator('.bc-play');
  await play.click();
  assert.equal((await state(page)).playing, true, 'the reader may still play');
  await still('Play');
  await play.click();
  await still('Pause');
  await page.locator('.bc-scrub-range').focus();
  await page.keyboard.press('ArrowRight');
  await still('scrubbing');
  await page.locator('.bc-lab input[type=radio]').nth(1).check();
  await still('a scenario');
  await page.locator('.bc-lab-buttons .bc-button').first().click();
  await still('a leak of the reader\'s');
  await page.locator('.bc-params summary').click();
  await page.locator('.bc-params input[type=range]').first().focus();
  await page.keyboard.press('ArrowRight');
  await still('a parameter');
  await page.locator('.bc-about summary').click();
  await still('the about panel');
  await page.locator('.bc-data summary').first().click();
  await still('a data table');
  await page.getByRole('combobox', { name: w['language.label'] }).selectOption('fr');
  await page.locator('.bc-title', { hasText: locale.fr['explainer.title'] }).waitFor();
  await still('a language');
  assert.deepEqual(errors, []);
  await context.close();
});

// Graphics a reader needs and the parts of controls (WCAG 1.4.11): at least
// 3:1 against what they are drawn on. Grid lines, the idle ring (its
// "nothing rerouted" is said in the key beside it) and the meters' empty
// track are decoration. Each entry: a selector and the property that colours it.
const GRAPHICS = [
  ['.bc-chart-run', 'stroke'],
  ['.bc-chart-compare', 'stroke'],
  ['.bc-chart-baseline', 'stroke'],
  ['.bc-chart-event-line', 'stroke'],
  ['.bc-chart-day', 'stroke'],
  ['.bc-chart-dot', 'fill'],
  ['.bc-chart-dot-compare', 'fill'],
  ['.bc-net-link', 'stroke'],
  ['.bc-net-ally:not(.is-idle)', 'stroke'],
  ['.bc-net-node', 'fill'],
  ['.bc-net-exposed', 'stroke'],
  ['.bc-net-leaker rect', 'stroke'],
  ['.bc-meter-fill', 'fill'],
  ['.bc-meter-mark', 'stroke'],
  ['.bc-scrub-mark', 'stroke'],
  ['.bc-switch-track', 'background-color'],
];

/** Each visible graphic's contrast against the first opaque background behind it. */
const graphicContrasts = (page, graphics) =>
  page.evaluate((graphics) => {
    const rgb = (c) => c.match(/[\d.]+/g)?.map(Number) ?? [];
    const lum = ([r, g, b]) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const behind = (el) => {
      for (let x = el.parentElement ?? el.getRootNode().host; x; x = x.parentElement ?? x.getRootNode().host) {
        const c = rgb(getComputedStyle(x).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const root = document.querySelector('[data-backchannel]').shadowRoot;
    const found = [];
    for (const [selector, property] of graphics) {
      for (const el of root.querySelectorAll(selector)) {
        if (!el.getClientRects().length) continue;
        const colour = rgb(getComputedStyle(el).getPropertyValue(property)).slice(0, 3);
        const [a, b] = [lum(colour), lum(behind(el))].sort((x, y) => y - x);
        found.push({ selector, ratio: (a + 0.05) / (b + 0.05) });
      }
    }
    return found;
  }, graphics);

test('non-text contrast: chart lines, the network, meters, marks and the switch at least 3:1, light and dark', async () => {
  for (const theme of THEMES) {
    const { context, page, errors } = await open(env.browser, `${env.server.url}/en-${theme}.html`, {
      viewport: { width: 1280, height: 800 },
      colorScheme: theme,
    });
    await ready(page);
    const seen = new Set();
    const lowest = {};
    await eachStep(page, async (id) => {
      await animationsDone(page, 3000);
      for (const { selector, ratio } of await graphicContrasts(page, GRAPHICS)) {
        seen.add(selector);
        assert.ok(ratio >= 3, `${theme}, ${id}: ${selector} at ${ratio.toFixed(2)}:1`);
        lowest[selector] = Math.min(lowest[selector] ?? Infinity, ratio);
      }
    });
    // Each kind was on screen somewhere (a renamed class would check nothing).
    const unseen = GRAPHICS.map(([s]) => s).filter((s) => !seen.has(s));
    assert.deepEqual(unseen, [], `${theme}: graphics never found`);
    console.log(`${theme}: lowest contrast ${Object.entries(lowest).map(([s, r]) => `${s} ${r.toFixed(2)}`).join(', ')}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
