// The reader's controls on phones and desktops: the lab, the timeline, the
// parameters and the about panel at 320, 390 and 1280 px. Keyboard hints
// only where there is a keyboard, styled controls with big enough targets and
// focus rings, numbers that never wrap, a network whose labels fit, axe, no
// sideways scroll, and screenshots in both themes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { open, ready, screenshot, state, harness } from './support.js';

const page = (body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dark host</title>` +
  `<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"></head><body>${body}</body></html>`;
const env = harness({
  '/t/dark.html': {
    body: page('<main><backchannel-explainer theme="dark"></backchannel-explainer></main><script type="module" src="/backchannel.js"></script>'),
  },
});

const PHONE = (width) => ({ viewport: { width, height: 844 }, isMobile: true, hasTouch: true });
const DESKTOP = { viewport: { width: 1280, height: 800 } };

const handle = (p, method, ...args) =>
  p.evaluate(([m, a]) => document.querySelector('[data-backchannel]').backchannel[m](...a), [method, args]);

/** Runs `fn(root)` in the page with the explainer's shadow root (or the host element). */
const inRoot = (p, fn, arg) =>
  p.evaluate(
    ([src, a]) => {
      const host = document.querySelector('[data-backchannel]');
      return new Function('root', 'arg', `return (${src})(root, arg);`)(host.shadowRoot ?? host, a);
    },
    [fn.toString(), arg],
  );

/** Goes to the beat with this id, whatever its place in the story. */
async function goToBeatId(p, id) {
  for (let n = 0; n < 20; n++) {
    await handle(p, 'goToBeat', n);
    if ((await state(p)).beat === id) return n;
  }
  throw new Error(`no beat '${id}'`);
}

/** Scrolls the explainer near the viewport (it starts lazily) and waits for it. */
async function start(p) {
  await p.locator('[data-backchannel]').scrollIntoViewIfNeeded();
  await ready(p);
}

/** Opens the lab with a scenario that has leaks, and both disclosures. */
async function openLab(p) {
  await start(p);
  await goToBeatId(p, 'lab');
  await handle(p, 'selectScenario', 'what-happened');
  await handle(p, 'pause');
  await handle(p, 'seek', 240);
  await inRoot(p, (root) => {
    for (const d of root.querySelectorAll('details.bc-params, details.bc-about')) d.open = true;
  });
  await p.locator('.bc-param-list').waitFor();
  await p.locator('.bc-about .bc-table').waitFor();
}

/** Boxes of the controls, and every number that the browser broke over two lines. */
const measure = (root) => {
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return { w: r.width, h: r.height, x: r.left, y: r.top, visible: r.width > 0 && r.height > 0 };
  };
  const name = (el) =>
    el.getAttribute('aria-label') || el.closest('label')?.textContent.trim().slice(0, 30) || el.textContent.trim().slice(0, 30) || el.tagName;
  const style = (el) => getComputedStyle(el);
  const controls = [...root.querySelectorAll('.bc-lab input, .bc-lab select, .bc-lab button, .bc-timeline button, .bc-timeline input, .bc-timeline select, .bc-params button, .bc-params input, .bc-params summary, .bc-about summary')]
    .map((el) => ({
      name: name(el),
      tag: el.tagName,
      type: el.type ?? '',
      // A radio's target is its whole label row.
      ...box(el.type === 'radio' ? el.closest('label') : el),
      appearance: style(el).appearance,
    }));
  // Each number (digits with their decimal point, range dash, unit sign) must
  // lie on one line: a range over it has one client box.
  const broken = [];
  const places = root.querySelectorAll('.bc-lab, .bc-timeline, .bc-params, .bc-about, .bc-network-key');
  const NUMBER = /\d+(?:[.,:]\d+)*(?:\s?%|×)?(?:–\d+(?:[.,]\d+)*)?/g;
  for (const place of places) {
    const walker = document.createTreeWalker(place, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.getClientRects().length === 0) continue; // hidden
      for (const m of node.data.matchAll(NUMBER)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        const tops = new Set(rects.map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(`${m[0]} in “${node.data.slice(0, 40)}”`);
      }
    }
  }
  // Elements that hold one value or date: on one line as a whole.
  const whole = [...root.querySelectorAll('.bc-param-value, .bc-param .bc-num, .bc-table .bc-num, .bc-lab .bc-num, .bc-timeline-date')].map((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    return { text: el.textContent, lines: tops.size };
  });
  const hint = root.querySelector('.bc-keys-hint');
  const scrub = root.querySelector('.bc-scrub-range').getBoundingClientRect();
  const marks = [...root.querySelectorAll('.bc-scrub-mark')].map((m) => {
    const r = m.getBoundingClientRect();
    return { x: r.left + r.width / 2, top: r.top, bottom: r.bottom, h: r.height };
  });
  return {
    controls,
    broken,
    whole,
    hint: { shown: hint.getClientRects().length > 0 && getComputedStyle(hint).display !== 'none', text: hint.textContent },
    scrub: { left: scrub.left, right: scrub.right, top: scrub.top, bottom: scrub.bottom, h: scrub.height },
    marks,
  };
};

/** Label, node and leaker boxes of every network drawing on the beat. */
const networkBoxes = (root) =>
  [...root.querySelectorAll('.bc-network-svg')].map((svg) => {
    const rect = (el) => {
      const r = el.getBoundingClientRect();
      return { l: r.left, r: r.right, t: r.top, b: r.bottom, text: el.textContent };
    };
    return {
      svg: rect(svg),
      labels: [...svg.querySelectorAll('.bc-net-label')].map(rect),
      nodes: [...svg.querySelectorAll('.bc-net-node')].map(rect),
      leaker: rect(svg.querySelector('.bc-net-leaker rect')),
      leakerText: rect(svg.querySelector('.bc-net-leaker text')),
      width: innerWidth,
    };
  });

const overlap = (a, b) => a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5;

function checkNetworks(networks, where) {
  assert.ok(networks.length > 0, `a network is drawn ${where}`);
  for (const n of networks) {
    assert.ok(n.labels.length >= 6, `six ally labels ${where}`);
    for (const box of [...n.labels, ...n.nodes, n.leaker, n.leakerText]) {
      const label = `${box.text || 'node'} ${where}`;
      assert.ok(box.l >= n.svg.l - 0.5 && box.r <= n.svg.r + 0.5, `${label} inside the drawing horizontally`);
      assert.ok(box.t >= n.svg.t - 0.5 && box.b <= n.svg.b + 0.5, `${label} inside the drawing vertically`);
      assert.ok(box.l >= 0 && box.r <= n.width, `${label} inside the screen`);
    }
    const solids = [...n.labels, ...n.nodes.map((b) => ({ ...b, text: 'node' })), { ...n.leaker, text: 'leaker' }];
    for (const [i, a] of n.labels.entries()) {
      for (const [j, b] of solids.entries()) {
        if (i !== j) assert.ok(!overlap(a, b), `${a.text} overlaps ${b.text} ${where}`);
      }
    }
    for (const node of n.nodes) assert.ok(!overlap(node, n.leaker), `a node overlaps the leaker ${where}`);
  }
}

async function checkLab(p, width, touch) {
  const m = await inRoot(p, measure);
  const where = `at ${width}px${touch ? ' (touch)' : ''}`;

  // 1. Keyboard hints only with a keyboard and a fine pointer.
  assert.match(m.hint.text, /Space/);
  assert.equal(m.hint.shown, !touch, `keys hint ${touch ? 'hidden on touch' : 'shown with a mouse'} ${where}`);

  // 2. Styled controls with big enough targets.
  const missing = m.controls.filter((c) => !c.visible);
  assert.deepEqual(missing, [], `every control is visible ${where}`);
  const small = m.controls.filter((c) => c.w < 24 || c.h < 24).map((c) => `${c.tag} ${c.name} ${c.w}×${c.h}`);
  assert.deepEqual(small, [], `every target at least 24×24 ${where}`);
  const main = m.controls
    .filter((c) => c.tag === 'BUTTON' || c.tag === 'SELECT' || c.tag === 'SUMMARY' || c.type === 'radio')
    .filter((c) => c.h < 44)
    .map((c) => `${c.tag} ${c.name} ${c.h}`);
  assert.deepEqual(main, [], `buttons, selects, choices and disclosures are 44 px tall ${where}`);
  const native = m.controls
    .filter((c) => (c.tag === 'SELECT' || c.type === 'range' || c.type === 'radio') && c.appearance !== 'none')
    .map((c) => `${c.tag} ${c.type} ${c.appearance}`);
  assert.deepEqual(native, [], `selects, sliders and radios are drawn by the stylesheet ${where}`);

  // 5. The scrubber: a tall hit area, event marks across its track.
  assert.ok(m.scrub.h >= 44, `scrubber hit area ${m.scrub.h} px ${where}`);
  assert.ok(m.marks.length >= 2, `event marks on the scrubber ${where}`);
  for (const mark of m.marks) {
    assert.ok(mark.h >= 12, `a mark ${mark.h} px tall ${where}`);
    assert.ok(mark.x >= m.scrub.left + 11 && mark.x <= m.scrub.right - 11, `a mark within the thumb's travel ${where}`);
    const middle = (m.scrub.top + m.scrub.bottom) / 2;
    assert.ok(mark.top < middle && mark.bottom > middle, `a mark crosses the track ${where}`);
  }

  // 3. Numbers never wrap.
  assert.deepEqual(m.broken, [], `no number broken over two lines ${where}`);
  assert.ok(m.whole.length >= 40, `values found: ${m.whole.length}`);
  assert.deepEqual(
    m.whole.filter((w) => w.lines !== 1),
    [],
    `each value, default, range and date on one line ${where}`,
  );

  // 4. The network's labels fit and overlap nothing.
  checkNetworks(await inRoot(p, networkBoxes), `in the lab ${where}`);

  // Focus rings on the styled controls, reached by the keyboard.
  for (const selector of ['.bc-lab input[type=radio]:checked', '.bc-lab select', '.bc-lab input[type=range]', '.bc-scrub-range', '.bc-params input[type=range]']) {
    const ring = await inRoot(
      p,
      (root, sel) => {
        const el = root.querySelector(sel);
        el.focus();
        return el.matches(':focus') ? null : 'not focusable';
      },
      selector,
    );
    assert.equal(ring, null, selector);
    await p.keyboard.press('Tab');
    await p.keyboard.press('Shift+Tab');
    const seen = await inRoot(
      p,
      (root, sel) => {
        const el = root.querySelector(sel);
        const s = getComputedStyle(el);
        return { visible: el.matches(':focus-visible'), outline: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      },
      selector,
    );
    assert.ok(seen.visible, `${selector} focused by keyboard ${where}`);
    assert.ok(seen.outline !== 'none' && seen.width >= 2, `${selector} shows a focus ring ${where}`);
  }
  await inRoot(p, (root) => root.activeElement?.blur());

  // axe, and no sideways scroll.
  const result = await new AxeBuilder({ page: p }).include('[data-backchannel]').analyze();
  assert.deepEqual(
    result.violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target).join(' ')}`),
    [],
    `axe on the lab ${where}`,
  );
  // A phone widens its layout viewport to fit content that overflows, so
  // the viewport must still be the device's width as well.
  const sideways = await p.evaluate(() => ({
    inner: window.innerWidth,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
  }));
  assert.equal(sideways.inner, width, `the layout viewport stays ${width} px ${where}`);
  assert.ok(sideways.overflow <= 0, `nothing scrolls sideways ${where} (${sideways.overflow} px)`);
}

for (const width of [320, 390, 1280]) {
  test(`the lab at ${width} px`, async () => {
    const touch = width < 1280;
    const { context, page: p, errors } = await open(env.browser, env.server.url, touch ? PHONE(width) : DESKTOP);
    await openLab(p);
    await p.waitForTimeout(300);
    await checkLab(p, width, touch);
    await screenshot(p, `lab-${width}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the keys hint shows with a mouse at phone width, and hides on touch at desktop width', async () => {
  // The hint follows the pointer, not the width.
  for (const [options, shown] of [
    [{ viewport: { width: 390, height: 844 } }, true],
    [{ viewport: { width: 1280, height: 800 }, hasTouch: true, isMobile: true }, false],
  ]) {
    const { context, page: p } = await open(env.browser, env.server.url, options);
    await openLab(p);
    const hint = await inRoot(p, (root) => root.querySelector('.bc-keys-hint').getClientRects().length > 0);
    assert.equal(hint, shown, JSON.stringify(options));
    await context.close();
  }
});

test('the lab in the dark theme at 320 and 390 px', async () => {
  for (const width of [320, 390]) {
    const { context, page: p, errors } = await open(env.browser, `${env.server.url}/t/dark.html`, PHONE(width));
    await openLab(p);
    const dark = await inRoot(p, (root) => root.querySelector('.bc-root').classList.contains('bc-theme-dark'));
    assert.ok(dark, 'the dark theme is on');
    await p.waitForTimeout(300);
    await checkLab(p, width, true);
    await screenshot(p, `lab-dark-${width}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('every beat with the network: labels fit at 320, 390 and 1280 px', async () => {
  for (const options of [PHONE(320), PHONE(390), DESKTOP]) {
    const { context, page: p } = await open(env.browser, env.server.url, options);
    await start(p);
    let seen = 0;
    for (let n = 0; n < 20; n++) {
      await handle(p, 'goToBeat', n);
      const { beat } = await state(p);
      if (n > 0 && beat === seen) break;
      seen = beat;
      const has = await inRoot(p, (root) => root.querySelector('.bc-beat .bc-network-svg') !== null);
      if (!has || beat === 'lab') continue;
      checkNetworks(await inRoot(p, networkBoxes), `on beat ${beat} at ${options.viewport.width}px`);
      await screenshot(p, `network-${beat}-${options.viewport.width}`);
    }
    await context.close();
  }
});
