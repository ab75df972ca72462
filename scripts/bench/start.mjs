// Start-time benchmark: navigation start to the act on screen (the message
// and its switch painted, whoever drew them) and to the explainer's
// `backchannel:ready`, on the demo page and on embed.html, next to a bare Yew
// app's first render (benches/bare-yew/, `bare:rendered`), in headless
// Chromium as is and with the CPU slowed 4x like a cheap phone. Every run is
// a fresh browser context (cold HTTP and code caches). Prints numbers;
// asserts none.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch } from '../../tests/e2e/support.js';
import { ROOT, BARE_DIST, ensureBare } from './bare.mjs';
import { PHONE, table } from './common.mjs';

const RUNS = Number(process.env.RUNS ?? 9);
// The loader's IntersectionObserver rootMargin (www/embed/loader/element.js).
const LAZY_MARGIN = 200;
const DIST = join(ROOT, 'dist');
if (!existsSync(DIST)) {
  console.error('start: no dist/; run make dist first');
  process.exit(1);
}
ensureBare();

const server = await serve(DIST);
const bareServer = await serve(BARE_DIST);
const browser = await launch();
const PAGES = [
  { name: 'demo page (index.html)', url: `${server.url}/` },
  { name: 'embed.html', url: `${server.url}/embed.html` },
  { name: 'bare Yew', url: `${bareServer.url}/` },
];

/**
 * One cold load of `url` with the CPU slowed `throttle` times: ms from
 * navigation start (performance.now()'s origin) to the first
 * `backchannel:ready` or `bare:rendered`, taken in the page by a listener
 * installed before any of its scripts run. Also where the explainer's element
 * sat when the page was parsed, since the loader starts only near the viewport.
 */
async function run(url, throttle) {
  const context = await browser.newContext({ viewport: PHONE });
  await context.addInitScript(() => {
    // Capture on window: sees the explainer's event (bubbling, composed, from
    // its host) before any page listener can stop it.
    for (const name of ['backchannel:ready', 'bare:rendered']) {
      addEventListener(name, () => (window.benchStart ??= performance.now()), { capture: true });
    }
    // The act is on screen once the explainer's shadow root shows a switch
    // beside a message (the pre-rendered act or the live one; the loader's
    // fallback box has no switch): checked every frame, before its paint.
    const look = () => {
      const root = document.querySelector('backchannel-explainer, [data-backchannel]')?.shadowRoot;
      const toggle = root?.querySelector('[role="switch"]');
      if (toggle?.checkVisibility({ visibilityProperty: true }) && root.querySelector('.bc-message')) {
        window.benchAct ??= performance.now();
      }
      if (window.benchAct === undefined) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
    addEventListener('bare:rendered', () => (window.benchAct ??= performance.now()), { capture: true });
    addEventListener('DOMContentLoaded', () => {
      window.benchTop = document.querySelector('backchannel-explainer, [data-backchannel]')?.getBoundingClientRect().top;
    });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.goto(url, { waitUntil: 'commit' });
  // No scrolling: an element beyond the loader's reach never starts, and
  // this times out rather than measure a scroll.
  await page.waitForFunction(() => window.benchStart !== undefined && window.benchAct !== undefined, null, { timeout: 60_000 });
  const result = await page.evaluate(() => ({ ms: window.benchStart, act: window.benchAct, top: window.benchTop }));
  await context.close();
  return result;
}

const stats = (ms) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1) };
};

// One discarded load of each page first: the browser's first navigations pay
// for starting renderer processes, which no reader's later load does.
for (const p of PAGES) await run(p.url, 1);

const rows = [];
const tops = {};
for (const throttle of [1, 4]) {
  const times = PAGES.map(() => []);
  const acts = PAGES.map(() => []);
  // Rounds of one load of each page, the order rotated every round, so a
  // slow moment of the machine is shared rather than landing on one page.
  for (let r = 0; r < RUNS; r++) {
    for (let i = 0; i < PAGES.length; i++) {
      const k = (i + r) % PAGES.length;
      const { ms, act, top } = await run(PAGES[k].url, throttle);
      times[k].push(ms);
      acts[k].push(act);
      if (top !== undefined) tops[PAGES[k].name] = top;
    }
  }
  const bare = stats(times[PAGES.length - 1]);
  PAGES.forEach((p, k) => {
    const s = stats(times[k]);
    const a = stats(acts[k]);
    rows.push([
      p.name,
      `${throttle}x`,
      a.median.toFixed(0),
      `${(a.median / bare.median).toFixed(2)}x`,
      s.median.toFixed(0),
      s.min.toFixed(0),
      s.max.toFixed(0),
      `${(s.median / bare.median).toFixed(2)}x`,
    ]);
  });
}

console.log(
  `start time, ms from navigation start to the act on screen (message and switch painted) and to ` +
    `backchannel:ready (bare Yew: its first render, for both), medians of ${RUNS} cold loads each, ` +
    `${PHONE.width}x${PHONE.height}, headless Chromium`,
);
table(['page', 'cpu', 'act', 'act / bare', 'ready', 'min', 'max', 'ready / bare'], rows);
// The loader starts the explainer only within 200 px of the viewport: say
// where the element was, so a page whose element moved out of reach is noticed.
for (const [name, top] of Object.entries(tops)) {
  const reach = PHONE.height + LAZY_MARGIN;
  console.log(
    `${name}: the explainer's element starts ${top.toFixed(0)} px down a ${PHONE.height} px viewport; ` +
      (top < reach ? `${(reach - top).toFixed(0)} px within the loader's reach, so it loads without scrolling` : 'beyond the loader\'s reach (it waits for a scroll)'),
  );
}
console.log('reproduce: make dist && node scripts/bench/start.mjs (RUNS=n for n loads per page; builds benches/bare-yew/ first when needed)');
await browser.close();
await server.close();
await bareServer.close();
