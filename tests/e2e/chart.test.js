// The charts as a reader sees them at phone and desktop widths: no label
// overlaps another, no line or dot leaves its plot, and one annotation per
// event day.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { open, ready, screenshot, state, harness, explainerPage, OUTPUT } from './support.js';

const THEMES = {
  '/light.html': explainerPage('theme="light"'),
  '/dark.html': explainerPage('theme="dark"'),
};
const env = harness(THEMES);

const WIDTHS = [320, 390, 1280];
const DAYS = [210, 215, 300, 420];

/** Calls a method of the explainer's host handle. */
function handle(page, method, ...args) {
  return page.evaluate(
    ([m, a]) => document.querySelector('[data-backchannel]').backchannel[m](...a),
    [method, args],
  );
}

/** Goes to the beat with this id, whatever its position in the story. */
async function goToBeatId(page, id) {
  for (let n = 0; n < 40; n++) {
    await handle(page, 'goToBeat', n);
    if ((await state(page)).beat === id) return;
  }
  assert.fail(`no beat with id ${id}`);
}

/** Waits two frames, so the explainer has rendered what the handle asked. */
function frames(page) {
  return page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}

/**
 * For every chart shown in the explainer's shadow root (on a phone, the one
 * picked): the boxes of its title and of every SVG text with something in it
 * (not the end labels' backing copies, drawn in the background's colour
 * under their labels), its SVG and plot rectangles, and the boxes of the run
 * lines and the day's dots.
 */
function measureCharts(page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-backchannel]').shadowRoot;
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    // On a phone the charts not picked are not drawn (their captions only).
    const shown = (chart) => chart.querySelector('svg.bc-chart-svg')?.getBoundingClientRect().width > 0;
    return [...root.querySelectorAll('.bc-chart')].filter(shown).map((chart) => {
      const svg = chart.querySelector('svg.bc-chart-svg');
      const texts = [chart.querySelector('figcaption'), ...svg.querySelectorAll('text:not(.bc-chart-knock)')]
        .filter((t) => t && t.textContent.trim() !== '')
        .map((t) => ({ text: t.textContent, ...box(t) }))
        .filter((b) => b.right > b.left && b.bottom > b.top);
      const marks = [...svg.querySelectorAll('svg.bc-chart-plot polyline, svg.bc-chart-marks circle')].map((el) => ({
        what: el.getAttribute('class'),
        ...box(el),
      }));
      const plot = svg.querySelector('svg.bc-chart-plot');
      // A nested SVG's client rect is its content's box, not its viewport:
      // the plot rectangle is its x, y, width and height in the outer SVG.
      const outer = box(svg);
      const top = outer.top + plot.y.baseVal.value;
      const plotBox = {
        left: outer.left + plot.x.baseVal.value,
        top,
        right: outer.left + plot.x.baseVal.value + plot.width.baseVal.value,
        bottom: top + plot.height.baseVal.value,
      };
      return {
        title: chart.querySelector('figcaption').textContent,
        svg: outer,
        plot: plotBox,
        plotClips: getComputedStyle(plot).overflow === 'hidden',
        marks,
        texts,
        events: [...svg.querySelectorAll('.bc-chart-event')].map((g) => ({
          day: g.getAttribute('data-day'),
          label: g.querySelector('text')?.textContent ?? '',
        })),
      };
    });
  });
}

/** The pairs of boxes that overlap by more than `slack` px on both axes. */
function overlaps(boxes, slack = 1) {
  const found = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > slack && y > slack) found.push(`"${a.text}" and "${b.text}" (${x.toFixed(1)} × ${y.toFixed(1)} px)`);
    }
  }
  return found;
}

/** Whether `inner` lies within `outer`, give or take `slack` px. */
function within(inner, outer, slack = 1) {
  return (
    inner.left >= outer.left - slack &&
    inner.right <= outer.right + slack &&
    inner.top >= outer.top - slack &&
    inner.bottom <= outer.bottom + slack
  );
}

/**
 * Asserts the layout of every chart on the page, each of the four in turn
 * where a phone shows one at a time; returns them.
 */
async function checkCharts(page, where) {
  const radios = page.locator('.bc-charts').first().getByRole('radio');
  if (await radios.first().isVisible()) {
    const all = [];
    for (let i = (await radios.count()) - 1; i >= 0; i--) {
      await radios.nth(i).check();
      const shown = await checkShown(page, where);
      assert.equal(shown.length, 1, `${where}: one chart at a time`);
      all.unshift(...shown);
    }
    return all;
  }
  return checkShown(page, where);
}

/** Asserts the layout of every chart shown; returns them. */
async function checkShown(page, where) {
  const charts = await measureCharts(page);
  assert.ok(charts.length > 0, `${where}: no charts`);
  for (const c of charts) {
    const at = `${where}, ${c.title}`;
    assert.deepEqual(overlaps(c.texts), [], `${at}: labels overlap`);
    for (const t of c.texts.slice(1)) {
      assert.ok(within(t, c.svg), `${at}: "${t.text}" is cut off at the chart's edge ${JSON.stringify([t, c.svg])}`);
    }
    assert.ok(c.plotClips, `${at}: the plot does not clip`);
    assert.ok(c.marks.length >= 3, `${at}: lines and dot missing`);
    for (const m of c.marks) {
      assert.ok(within(m, c.plot), `${at}: ${m.what} outside the plot ${JSON.stringify([m, c.plot])}`);
    }
    const days = c.events.map((e) => e.day);
    assert.equal(new Set(days).size, days.length, `${at}: two annotations on one day: ${days}`);
  }
  return charts;
}

for (const width of WIDTHS) {
  test(`charts at ${width} px: labels never overlap, lines stay in their plots`, async () => {
    const { context, page, errors } = await open(env.browser, env.server.url, {
      viewport: { width, height: width < 900 ? 844 : 800 },
    });
    // The embed loads near the viewport; on a narrow page it starts further down.
    await page.locator('[data-backchannel]').scrollIntoViewIfNeeded();
    await ready(page);
    await goToBeatId(page, 'act');
    await handle(page, 'setPublic', true);
    await handle(page, 'pause');
    for (const day of DAYS) {
      await handle(page, 'seek', day);
      await frames(page);
      await checkCharts(page, `${width} px, day ${day}`);
    }
    await page.locator('.bc-charts').first().scrollIntoViewIfNeeded();
    await page.locator('.bc-charts').first().screenshot({ path: await screenshotPath(`charts-${width}`) });

    // What happened: Macron's and Rutte's texts, both posted on day 210.
    await handle(page, 'selectScenario', 'what-happened');
    await handle(page, 'pause');
    await handle(page, 'seek', 300);
    await frames(page);
    const charts = await checkCharts(page, `${width} px, what happened`);
    for (const c of charts) {
      const jan = c.events.filter((e) => e.day === '210');
      assert.equal(jan.length, 1, `${c.title}: annotations on day 210: ${JSON.stringify(c.events)}`);
      const labels = c.events.map((e) => e.label).join(' | ');
      assert.equal((labels.match(/20 Jan 2026/g) ?? []).length, 1, `${c.title}: ${labels}`);
    }
    await page.locator('.bc-charts').first().screenshot({ path: await screenshotPath(`charts-what-happened-${width}`) });
    await screenshot(page, `charts-page-${width}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the lab beat charts keep their labels apart too', async () => {
  const { context, page, errors } = await open(env.browser, env.server.url, { viewport: { width: 390, height: 844 } });
  await ready(page);
  await goToBeatId(page, 'lab');
  await handle(page, 'selectScenario', 'what-happened');
  await handle(page, 'pause');
  for (const day of [0, 210, 420]) {
    await handle(page, 'seek', day);
    await frames(page);
    await checkCharts(page, `lab, day ${day}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

/** A path for an element screenshot next to the full-page ones. */
async function screenshotPath(name) {
  const dir = join(OUTPUT, 'screenshots');
  await mkdir(dir, { recursive: true });
  return join(dir, `${name}.png`);
}

test('each chart gives its data as a real table on demand, in the reader\'s language; axe clean open', async () => {
  const AxeBuilder = (await import('@axe-core/playwright')).default;
  const { context, page, errors } = await open(env.browser, env.server.url, { viewport: { width: 1280, height: 800 } });
  await ready(page);
  await goToBeatId(page, 'lab');
  await handle(page, 'selectScenario', 'only-macron');
  await frames(page);
  const charts = page.locator('.bc-chart');
  const n = await charts.count();
  assert.ok(n >= 4, `${n} charts`);
  const chart = page.locator('.bc-chart', { has: page.locator('figcaption', { hasText: 'Room for compromise' }) });
  const disclosure = chart.locator('details.bc-data');
  assert.equal(await disclosure.locator('tbody tr').count(), 0, 'no rows are built while closed');
  await disclosure.locator('summary').click();
  const table = disclosure.locator('table');
  assert.equal(await table.locator('caption').textContent(), 'Room for compromise: the model on the first of each month');
  const headers = await table.locator('thead th').allTextContents();
  assert.deepEqual(headers, ['Date', 'Room for compromise', 'Baseline (no leak)']);
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.ok(rows.length >= 12, `${rows.length} rows`);
  assert.equal(rows[0][0], '1 Jul 2025', 'the first of the first month after day 0 (24 June 2025)');
  for (const [, value, baseline] of rows) {
    assert.match(value, /^\d+%$/);
    assert.match(baseline, /^\d+%$/);
  }
  // After Macron's post the run sits below the baseline.
  const feb = rows.find((r) => r[0] === '1 Feb 2026');
  assert.ok(parseInt(feb[1], 10) < parseInt(feb[2], 10), JSON.stringify(feb));
  assert.ok(await table.locator('tbody th[scope="row"]').count() === rows.length);
  const axe = await new AxeBuilder({ page }).include('[data-backchannel]').analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target).join(' ')}`), []);
  await screenshot(page, 'chart-table-1280');
  // In French: the same table, its words and dates.
  await page.evaluate(() => document.querySelector('[data-backchannel]').backchannel.setLanguage('fr'));
  await frames(page);
  const fr = page
    .locator('.bc-chart', { has: page.locator('figcaption', { hasText: 'Marge de compromis' }) })
    .locator('details.bc-data table');
  assert.equal(await fr.locator('caption').textContent(), 'Marge de compromis\u202f: le modèle au premier de chaque mois');
  assert.equal(await fr.locator('tbody th').first().textContent(), '1 juil. 2025');
  assert.match(await fr.locator('tbody td').first().textContent(), /^\d+\u202f%$/);
  assert.deepEqual(errors, []);
  await context.close();
});

const NAMES = ['Trust', 'Room for compromise', 'Candor', 'Dispute in public'];

/** The captions of the charts shown, read in the shadow root. */
function shownCharts(page) {
  return page.evaluate(() =>
    [...document.querySelector('[data-backchannel]').shadowRoot.querySelectorAll('.bc-chart')]
      .filter((c) => c.querySelector('svg.bc-chart-svg')?.getBoundingClientRect().height > 0)
      .map((c) => c.querySelector('figcaption').textContent),
  );
}

/** The act, made public and paused some months on, at `viewport`, in `theme`. */
async function actAfterPost(theme, viewport) {
  const opened = await open(env.browser, `${env.server.url}/${theme}.html`, { viewport });
  await ready(opened.page);
  await goToBeatId(opened.page, 'act');
  await handle(opened.page, 'setPublic', true);
  await handle(opened.page, 'pause');
  await handle(opened.page, 'seek', 300);
  await frames(opened.page);
  return opened;
}

/** The captions of the charts drawn (in the DOM, shown or not). */
function drawnCharts(page) {
  return page.evaluate(() =>
    [...document.querySelector('[data-backchannel]').shadowRoot.querySelectorAll('.bc-chart')]
      .filter((c) => c.querySelector('svg.bc-chart-svg'))
      .map((c) => c.querySelector('figcaption').textContent),
  );
}

test('on a phone only the picked chart is drawn; wider, turned or printed, all four', async () => {
  const { context, page, errors } = await actAfterPost('light', { width: 390, height: 844 });
  assert.deepEqual(await drawnCharts(page), ['Trust'], 'the three charts hidden are not drawn');
  const radios = page.locator('.bc-charts').first().getByRole('radio');
  await radios.nth(1).check();
  await frames(page);
  assert.deepEqual(await drawnCharts(page), ['Room for compromise']);
  assert.deepEqual(await shownCharts(page), ['Room for compromise']);
  // The day moves the drawn chart with the meters.
  await handle(page, 'seek', 320);
  await frames(page);
  const marker = await page.locator('.bc-chart-now-label').first().textContent();
  const compromise = Math.round((await state(page)).outputs.compromise * 100);
  assert.equal(marker, `${compromise}%`);
  // Printed, every chart is drawn and shown, stacked; back on screen, the pick.
  await page.emulateMedia({ media: 'print' });
  await frames(page);
  assert.deepEqual(await drawnCharts(page), NAMES);
  await page.emulateMedia({ media: 'screen' });
  await frames(page);
  assert.deepEqual(await drawnCharts(page), ['Room for compromise']);
  // A phone turned (or a wider window): every chart, side by side, the pick kept.
  await page.setViewportSize({ width: 900, height: 390 });
  await frames(page);
  assert.deepEqual(await drawnCharts(page), NAMES);
  assert.deepEqual(await shownCharts(page), NAMES);
  await page.setViewportSize({ width: 390, height: 844 });
  await frames(page);
  assert.deepEqual(await drawnCharts(page), ['Room for compromise']);
  // The pick is kept from step to step.
  await goToBeatId(page, 'lab');
  await frames(page);
  assert.deepEqual(await drawnCharts(page), ['Room for compromise']);
  assert.equal(await page.locator('.bc-charts').first().getByRole('radio').nth(1).isChecked(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const theme of ['light', 'dark']) {
  test(`on a phone one chart at a time, picked with four radios by pointer or arrow keys, each with its table (${theme})`, async () => {
    const { context, page, errors } = await actAfterPost(theme, { width: 390, height: 844 });
    const charts = page.locator('.bc-charts').first();
    const radios = charts.getByRole('radio');
    assert.deepEqual(await radios.evaluateAll((rs) => rs.map((r) => r.labels[0].textContent.trim())), NAMES);
    assert.equal(await radios.first().isChecked(), true, 'trust first');
    assert.deepEqual(await shownCharts(page), ['Trust']);
    // Two rows of two, above the chart, and the step far shorter than four charts.
    const box = await charts.boundingBox();
    assert.ok(box.height < 420, `the charts take ${box.height} px`);
    await charts.scrollIntoViewIfNeeded();
    await charts.screenshot({ path: await screenshotPath(`charts-switcher-390-${theme}`) });

    // The keyboard: Tab reaches the checked radio, the arrows move the pick
    // (not the day: arrows in a control are the control's).
    const day = (await state(page)).day;
    await radios.first().focus();
    const focused = () => radios.evaluateAll((rs) => rs.findIndex((r) => r.getRootNode().activeElement === r));
    for (const [key, expected] of [
      ['ArrowRight', 1],
      ['ArrowDown', 2],
      ['ArrowRight', 3],
      ['ArrowRight', 0],
      ['ArrowLeft', 3],
      ['ArrowUp', 2],
    ]) {
      await page.keyboard.press(key);
      assert.equal(await focused(), expected, `${key} focuses ${NAMES[expected]}`);
      assert.equal(await radios.nth(expected).isChecked(), true, `${key} picks ${NAMES[expected]}`);
      assert.deepEqual(await shownCharts(page), [NAMES[expected]]);
    }
    assert.equal((await state(page)).day, day, 'the arrows did not move the day');
    const outline = await charts.locator('figcaption label').nth(2).evaluate((el) => getComputedStyle(el).outlineStyle);
    assert.equal(outline, 'solid', 'the focused radio shows its focus');
    await charts.screenshot({ path: await screenshotPath(`charts-switcher-390-${theme}-candor-focused`) });
    // Tab leaves the group for the chart's table, Shift+Tab comes back to the picked radio.
    await page.keyboard.press('Tab');
    // Only the picked chart is drawn, so its table is the one there is.
    assert.equal(await charts.locator('details.bc-data').count(), 1);
    const summary = charts.locator('details.bc-data').locator('summary');
    assert.ok(await summary.evaluate((el) => el.getRootNode().activeElement === el), "Tab goes on to the picked chart's table");
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(), 2);

    // Every metric keeps its data table, picked by a tap on its name.
    for (const [i, name] of NAMES.entries()) {
      await charts.locator('figcaption label').nth(i).click();
      assert.deepEqual(await shownCharts(page), [name]);
      const details = charts.locator('details.bc-data');
      assert.ok(await details.isVisible(), `${name}: its table's disclosure shows`);
      await details.locator('summary').click();
      const table = details.locator('table');
      assert.equal(await table.locator('caption').textContent(), `${name}: the model on the first of each month`);
      await table.locator('tbody tr').first().waitFor();
      assert.ok((await table.locator('tbody tr').count()) >= 12, `${name}: rows`);
      await details.locator('summary').click();
    }
    // The pick holds while the day moves (the radios are not redrawn checked).
    await charts.locator('figcaption label').nth(1).click();
    await handle(page, 'seek', 350);
    await handle(page, 'play');
    await page.waitForTimeout(300);
    await handle(page, 'pause');
    await frames(page);
    assert.deepEqual(await shownCharts(page), ['Room for compromise']);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`at 1280 px the four charts show side by side and no radio does (${theme})`, async () => {
    const { context, page, errors } = await actAfterPost(theme, { width: 1280, height: 800 });
    const charts = page.locator('.bc-charts').first();
    assert.deepEqual(await shownCharts(page), NAMES);
    assert.equal(await charts.getByRole('radio').count(), 0, 'no radio where every chart shows');
    const tops = await charts.locator('svg.bc-chart-svg').evaluateAll((s) => s.map((e) => Math.round(e.getBoundingClientRect().top)));
    assert.equal(tops[0], tops[1], 'two charts a row');
    await charts.scrollIntoViewIfNeeded();
    await charts.screenshot({ path: await screenshotPath(`charts-1280-${theme}`) });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`the day's line passes behind every label, at either end of time (${theme})`, async () => {
    const { context, page, errors } = await open(env.browser, `${env.server.url}/${theme}.html`, {
      viewport: { width: 1280, height: 800 },
    });
    await ready(page);
    await goToBeatId(page, 'lab');
    // (Not a scenario with a post on day 0: that event's line is drawn over
    // the scale's labels, by design, and the day's line would show at its edge.)
    await handle(page, 'selectScenario', 'only-macron');
    await handle(page, 'pause');
    const blank = await context.newPage();
    let crossed = 0;
    for (const day of [0, 3, 1e6]) {
      await handle(page, 'seek', day);
      await frames(page);
      // Every label whose box the day's line crosses: pictured with the line
      // and without it, the same pixels.
      const svgs = page.locator('svg.bc-chart-svg');
      for (let i = 0; i < (await svgs.count()); i++) {
        await svgs.nth(i).evaluate((svg) => svg.scrollIntoView({ block: 'center', behavior: 'instant' }));
        const boxes = await svgs.nth(i).evaluate((svg) => {
          const out = [];
          const line = svg.querySelector('.bc-chart-day').getBoundingClientRect();
          const x = line.left + line.width / 2;
          for (const t of svg.querySelectorAll('.bc-chart-tick.bc-chart-halo, .bc-chart-end.bc-chart-halo')) {
            const r = t.getBoundingClientRect();
            // The words' band, from the top of their capitals to their
            // baseline (the text's box reaches further above and below
            // than its ink and halo do).
            const baseline = svg.getBoundingClientRect().top + Number(t.getAttribute('y'));
            const top = Math.max(baseline - 0.7 * parseFloat(getComputedStyle(t).fontSize), line.top);
            const bottom = Math.min(baseline, line.bottom);
            if (x > r.left && x < r.right && bottom - top > 4) {
              out.push({ text: t.textContent, x: r.left, y: top, width: r.width, height: bottom - top });
            }
          }
          return out;
        });
        const line = (visibility) =>
          svgs.nth(i).evaluate((svg, v) => svg.querySelector('.bc-chart-day').setAttribute('visibility', v), visibility);
        for (const { text, ...clip } of boxes) {
          const withLine = await page.screenshot({ clip });
          await line('hidden');
          const without = await page.screenshot({ clip });
          await line('visible');
          const most = await largestDifference(blank, withLine, without);
          assert.ok(most <= 32, `day ${day}: the day's line shows through "${text}" (a channel differs by ${most})`);
          crossed += 1;
        }
      }
    }
    assert.ok(crossed >= 4, `the line crossed ${crossed} labels`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

/**
 * The largest difference of a colour channel between two PNGs of one size
 * (0–255), decoded by the browser on a blank page: anti-aliasing may move a
 * channel a few steps where a line passes behind a halo; a line showing
 * moves it by far more.
 */
function largestDifference(page, a, b) {
  return page.evaluate(
    async ([a, b]) => {
      const pixels = async (data) => {
        const img = new Image();
        img.src = `data:image/png;base64,${data}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const g = canvas.getContext('2d');
        g.drawImage(img, 0, 0);
        return g.getImageData(0, 0, img.width, img.height).data;
      };
      const [pa, pb] = [await pixels(a), await pixels(b)];
      let most = 0;
      for (let i = 0; i < pa.length; i++) most = Math.max(most, Math.abs(pa[i] - pb[i]));
      return most;
    },
    [a.toString('base64'), b.toString('base64')],
  );
}
