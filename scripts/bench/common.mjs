// What the bench scripts and the soak test share: a reader's scripted
// session on the demo page (real clicks, pointer drags and key presses, as a
// reader who keeps going would make them), a frame and long-task recorder,
// and memory counters read after forced garbage collection.
import { open, ready, rendered, beatIds, animationsDone } from '../../tests/e2e/support.js';

export { beatIds };
export { recorder, actionAt, frameStats } from './frames.mjs';

/** The phone width the issue measures at. */
export const PHONE = { width: 390, height: 844 };

/** Calls a method of the explainer's handle (`element.backchannel`). */
export const call = (page, method, ...args) =>
  page.evaluate(([m, a]) => document.querySelector('[data-backchannel]').backchannel[m](...a), [method, args]);

/** Waits until a reader's input is drawn (the tests' `rendered`). */
export const settle = rendered;

/**
 * Opens the demo article at phone width, with the CPU slowed `throttle`
 * times, and waits for the explainer. Console errors and page errors land in
 * `errors`.
 */
export async function openDemo(browser, url, { throttle = 1, viewport = PHONE } = {}) {
  const opened = await open(browser, url, { viewport });
  const cdp = await opened.context.newCDPSession(opened.page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await ready(opened.page);
  return { ...opened, cdp };
}

/** Opens the demo as openDemo does, on the lab beat. */
export async function openLab(browser, url, options) {
  const opened = await openDemo(browser, url, options);
  const ids = await beatIds(opened.page);
  await call(opened.page, 'goToBeat', ids.indexOf('lab'));
  await opened.page.locator('.bc-lab').waitFor();
  return opened;
}

/** The lab's scenario radios a reader can pick. */
export const scenarioRadios = (page) => page.locator('.bc-lab .bc-radio:has(input:not([disabled]))');

/**
 * Where to tap each scenario radio, found and measured before the taps so
 * that each is a bare pointer click (as `tap` in labPass makes them).
 */
export async function scenarioPoints(page) {
  const radios = scenarioRadios(page);
  await radios.first().scrollIntoViewIfNeeded();
  const points = [];
  for (let i = 0; i < (await radios.count()); i++) {
    const box = await radios.nth(i).boundingBox();
    points.push({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
  }
  return points;
}

/** Brings an element to the middle of the screen, clear of the sticky pager. */
async function centre(locator) {
  await locator.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
}

/**
 * A real pointer drag on a range input from one fraction of its track to
 * another, one move per frame or so (how a finger or mouse reports).
 */
export async function drag(page, slider, from, to, steps = 15) {
  await centre(slider);
  const box = await slider.boundingBox();
  // The thumb's centre travels inset by about half its width.
  const x = (f) => box.x + 10 + f * (box.width - 20);
  const y = box.y + box.height / 2;
  await page.mouse.move(x(from), y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(x(from + ((to - from) * i) / steps), y);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
}

/** Focuses `target` and presses `key` `times` times, a key repeat's pace apart. */
export async function press(page, target, key, times) {
  await centre(target);
  await target.focus();
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key);
    await page.waitForTimeout(30);
  }
}

/**
 * One pass of a reader who keeps going, through every beat: on the first
 * beat they make the message public, watch, scrub, and make it private
 * again; they page forward with Next through every beat (scrubbing where
 * there is a timeline, making a compared message public), play with the lab
 * (scenarios, the leak builder, sliders dragged and stepped with arrows, the
 * model's parameters and their reset), and page back with Back to the
 * first beat.
 *
 * From the second pass on it ends where it started (first beat, every
 * message private, paused, the lab on its first scenario, parameters at
 * their defaults, no leaks of the reader's own), so counters read between
 * passes compare like with like.
 *
 * `ids` are the beats (from `beatIds`); `dwell` is how long the reader
 * looks at something, in ms; `mark(name)`, if given, is called before every
 * action (for attributing slow frames).
 */
export async function readerPass(page, ids, options = {}) {
  const { step, wait, button, pause, scrubber, dwell } = actions(page, options);
  for (let n = 0; n < ids.length; n++) {
    if (n > 0) await step('next', () => button('Next').click());
    await settle(page);
    const sw = page.getByRole('switch').first();
    if ((await sw.count()) > 0) {
      // The flip: private to public, the leak plays; watch it. (Every pass
      // starts private, so this click makes it public.)
      await step('flip public', () => sw.click());
      await wait(dwell * 2);
      if (await scrubber.count()) {
        await pause();
        await step('scrub drag', () => drag(page, scrubber, 0.9, 0.2));
        await step('scrub keys', () => press(page, scrubber, 'ArrowRight', 8));
      }
      await step('flip private', () => sw.click());
      await wait(dwell / 2);
      await step('flip public', () => sw.click());
      await wait(dwell / 2);
      await pause();
    } else if ((await page.locator('.bc-lab').count()) > 0) {
      await labPass(page, options);
    } else if (await scrubber.count()) {
      await step('scrub drag', () => drag(page, scrubber, 0.3, 0.7));
      await wait(dwell / 2);
    } else {
      await wait(dwell);
    }
  }
  // Back through every beat, as a reader rereading does, to the first,
  // making each message private again: the state every pass starts from.
  for (let n = ids.length - 1; n >= 0; n--) {
    if (n < ids.length - 1) await step('back', () => button('Back').click());
    await settle(page);
    const sw = page.getByRole('switch').first();
    if ((await sw.count()) > 0 && (await sw.getAttribute('aria-checked')) === 'true') {
      await step('flip private', () => sw.click());
    }
    await pause();
  }
  // The morph back to the private bubble runs about half a second and the
  // nodes it morphs from live until it ends (counted mid-morph, the DOM
  // had 101 nodes more): the reader watches it end.
  await animationsDone(page, 3000);
  await settle(page);
}

/**
 * Each handle action on its own, on the lab beat: the call itself, and the
 * time until the frame after it has run (Yew renders before that frame).
 * With `mark`, each call is marked on the running recorder as
 * `handle <action>` and the wait after it as `handle idle`, so a trace can
 * be cut by action.
 */
export function handleTimings(page, { mark = false } = {}) {
  return page.evaluate(async (marked) => {
    const note = (name) => marked && window.benchRecorder.marks.push({ name, at: performance.now() });
    const h = document.querySelector('[data-backchannel]').backchannel;
    const ids = h.scenarios().map((s) => s.id);
    const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    const actions = {
      selectScenario: (i) => h.selectScenario(ids[i % ids.length]),
      seek: (i) => h.seek(60 + ((i * 37) % 300)),
      setParam: (i) => h.setParam('gamma', i % 2 ? 0.5 : 0.8),
      resetParams: () => h.resetParams(),
      'play+pause': (i) => (i % 2 ? h.pause() : h.play()),
    };
    const out = {};
    for (const [name, act] of Object.entries(actions)) {
      const calls = [];
      const frames = [];
      for (let i = 0; i < 12; i++) {
        await frame();
        note(`handle ${name}`);
        const t0 = performance.now();
        act(i);
        const t1 = performance.now();
        await frame();
        calls.push(t1 - t0);
        frames.push(performance.now() - t0);
        note('handle idle');
      }
      h.pause();
      const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
      out[name] = { call: median(calls), callMax: Math.max(...calls), frame: median(frames), frameMax: Math.max(...frames) };
    }
    h.resetParams();
    return out;
  }, mark);
}

/** What the scripted reader does with, given readerPass's options. */
function actions(page, { dwell = 1000, mark = async () => {} } = {}) {
  const button = (name) => page.getByRole('button', { name, exact: true });
  const step = async (name, action) => {
    await mark(name);
    await action();
  };
  // A tap as a finger makes it: the target is found, scrolled to and
  // measured before the step begins, and the step is a bare pointer click
  // at its centre. Playwright's own click runs its actionability checks in
  // the page (the selector engine, hit-target probes with
  // elementsFromPoint): at 4x CPU about 9 ms of script per click, in the
  // very frame the click lands in, that no reader's tap costs.
  const tap = async (name, locator) => {
    await centre(locator);
    const box = await locator.boundingBox();
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    // What Playwright's click would have refused: a point that is not on
    // the target (covered, or moved), so the tap would land elsewhere.
    const hits = await locator.evaluate((el, { x, y }) => el.contains(el.getRootNode().elementFromPoint(x, y)), at);
    if (!hits) throw new Error(`bench: the ${name} tap at ${at.x},${at.y} would miss its target`);
    await step(name, () => page.mouse.click(at.x, at.y));
  };
  return {
    dwell,
    step,
    tap,
    button,
    wait: (ms = dwell) => page.waitForTimeout(ms),
    scrubber: page.getByRole('slider', { name: 'Model day' }),
    // The reader pauses what plays (the button reads Pause only then).
    pause: async () => {
      if ((await call(page, 'state')).playing) await tap('pause', button('Pause'));
    },
  };
}

/**
 * One pass through the lab beat (which must be in view): every scenario
 * played and scrubbed, arrows on the scrubber and the charts, two leaks of
 * the reader's own built and removed, the model's parameters dragged,
 * stepped and reset. Ends on the first scenario, as it found it after the
 * first pass. Same options as readerPass.
 */
export async function labPass(page, options = {}) {
  const { step, tap, wait, button, pause, scrubber, dwell } = actions(page, options);
  const radios = scenarioRadios(page);
  const count = await radios.count();
  // Every scenario on offer, played a moment each.
  for (let i = 0; i < count; i++) {
    await tap('scenario', radios.nth(i));
    await tap('play', button('Play'));
    await wait(dwell / 2);
    await pause();
    await step('scrub drag', () => drag(page, scrubber, 0.1, 0.95, 20));
  }
  await step('scrub keys', () => press(page, scrubber, 'ArrowLeft', 10));
  // Arrows on the charts step a day (the explainer's own shortcuts).
  await step('chart keys', () => press(page, page.locator('.bc-charts').first(), 'ArrowRight', 5));
  // Leaks of the reader's own: whose, how sensitive, when.
  await step('victim', () => page.locator('.bc-lab select').selectOption({ index: 1 }));
  const sensitivity = page.locator('.bc-lab input[type=range]');
  await step('sensitivity drag', () => drag(page, sensitivity, 0.2, 0.9));
  await step('sensitivity keys', () => press(page, sensitivity, 'ArrowLeft', 4));
  await step('scrub drag', () => drag(page, scrubber, 0.2, 0.4));
  await tap('add leak', page.getByRole('button', { name: /Leak it on/ }));
  await step('scrub drag', () => drag(page, scrubber, 0.4, 0.6));
  await tap('add leak', page.getByRole('button', { name: /Leak it on/ }));
  await tap('play', button('Play'));
  await wait(dwell);
  await pause();
  await tap('clear leaks', button('Remove all leaks'));
  await step('victim', () => page.locator('.bc-lab select').selectOption({ index: 0 }));
  // The model's parameters: open the panel, drag two sliders, step a third
  // with the keyboard, then reset them all.
  const panel = page.locator('.bc-params');
  if (!(await panel.evaluate((d) => d.open))) await tap('open params', panel.locator('summary'));
  const params = panel.locator('input[type=range]');
  await step('param drag', () => drag(page, params.nth(3), 0.1, 0.8));
  await step('param drag', () => drag(page, params.nth(1), 0.6, 0.3));
  await step('param keys', () => press(page, params.nth(0), 'ArrowRight', 5));
  await wait(dwell / 2);
  await tap('reset params', button('Reset to defaults'));
  await tap('close params', panel.locator('summary'));
  // Back to the first scenario.
  await tap('scenario', radios.nth(0));
  await wait(dwell / 2);
}

/**
 * Runs reader passes for `minutes` (and at least `minPasses`) and reads counters (see `counters`) after
 * the first pass, at the first pass boundary after each further minute, and
 * at the end; `onRow` sees each row as it comes. Returns the rows.
 */
export async function session(page, cdp, ids, { minutes, minPasses = 3, dwell = 1000, onRow = () => {} }) {
  const started = Date.now();
  const elapsed = () => (Date.now() - started) / 60000;
  const rows = [];
  const row = async (passes) => {
    const r = { minutes: elapsed(), passes, ...(await counters(page, cdp)) };
    rows.push(r);
    onRow(r);
  };
  let passes = 0;
  let next = 1;
  do {
    await readerPass(page, ids, { dwell });
    passes++;
    if (passes === 1) await row(passes);
    else if (elapsed() >= next && elapsed() < minutes) {
      await row(passes);
      next = Math.floor(elapsed()) + 1;
    }
    // At least a few passes after the first, however slow the machine.
  } while (elapsed() < minutes || passes < minPasses);
  await row(passes);
  return rows;
}

/**
 * JS heap in use, DOM nodes, JS event listeners and wasm memory, after
 * garbage collection. Collected twice with a pause: finalizers run by the
 * first collection (wasm handles) release what the second can collect.
 */
export async function counters(page, cdp) {
  for (let i = 0; i < 2; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    await page.evaluate(() => new Promise((ok) => setTimeout(ok, 50)));
  }
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  // The loader's own figure (one instance or several, it knows); null if
  // this build's loader does not export it.
  const wasm = await page.evaluate(async () => (await import('/backchannel.js')).wasmMemoryBytes?.() ?? null);
  return { heap: usedSize, nodes, listeners: jsEventListeners, wasm };
}

/** Megabytes with one decimal, or a signed change. */
export const mb = (bytes, signed = false) =>
  bytes === null ? 'n/a' : `${signed && bytes >= 0 ? '+' : ''}${(bytes / 1048576).toFixed(2)}`;

/** Prints rows (arrays) under a header as a fixed-width table; the first column is left-aligned. */
export function table(header, rows) {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  for (const r of all) {
    console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
  }
}

/**
 * What the soak test asserts, from the counters after the first pass
 * (`first`) to the end (`last`):
 * - JS heap growth under 2 MB: what one pass allocates and keeps is then
 *   plain to see over a few passes, while V8's own bookkeeping (compiled
 *   code, feedback) settles well under it.
 * - DOM nodes and JS event listeners flat. Every pass ends in the same state
 *   (first beat, private, paused, the same scenario and parameters), so a
 *   leak-free explainer ends on the same counts (in trial runs they were
 *   equal to the node, once the pass waits for the last morph to end). The tolerance of 10 nodes and 2 listeners only
 *   allows for Chromium's own bookkeeping; one leaked view exceeds it many
 *   times over (in the shadow root the lab beat is about 930 nodes, the act
 *   600, one chart 40 to 50), and so does anything as small as one leaked
 *   list item per pass over the passes of 2 minutes.
 */
export const LIMITS = { heapBytes: 2 * 1024 * 1024, nodes: 10, listeners: 2 };

/** The soak's checks: `[{ ok, text }]`, one a line. */
export function soakChecks(first, last, errors) {
  const heap = last.heap - first.heap;
  return [
    { ok: errors.length === 0, text: `console errors: ${errors.length}` },
    { ok: heap < LIMITS.heapBytes, text: `JS heap growth ${mb(heap, true)} MB (limit < ${mb(LIMITS.heapBytes)} MB)` },
    {
      ok: Math.abs(last.nodes - first.nodes) <= LIMITS.nodes,
      text: `DOM nodes ${first.nodes} -> ${last.nodes} (limit ±${LIMITS.nodes})`,
    },
    {
      ok: Math.abs(last.listeners - first.listeners) <= LIMITS.listeners,
      text: `JS event listeners ${first.listeners} -> ${last.listeners} (limit ±${LIMITS.listeners})`,
    },
  ];
}
