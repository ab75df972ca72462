// The charts as a reader sees them at phone and desktop widths: no label
// overlaps another, no line or dot leaves its plot, and one annotation per
// event day.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { open, ready, screenshot, state, harness, OUTPUT } from './support.js';

const env = harness();

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
 * For every chart in the explainer's shadow root: the boxes of its title and
 * of every SVG text with something in it, its SVG and plot rectangles, and the
 * boxes of the run lines and the day's dots.
 */
function measureCharts(page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-backchannel]').shadowRoot;
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    return [...root.querySelectorAll('.bc-chart')].map((chart) => {
      const svg = chart.querySelector('svg.bc-chart-svg');
      const texts = [chart.querySelector('figcaption'), ...svg.querySelectorAll('text')]
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

/** Asserts the layout of every chart on the page; returns how many there were. */
async function checkCharts(page, where) {
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
