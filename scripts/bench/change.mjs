// What one scenario change in the lab costs the main thread: at 390 px with
// the CPU slowed BENCH_THROTTLE times (default 4), the reader taps each
// scenario in turn (BENCH_ROUNDS rounds, default 3; a bare pointer click at
// the radio, as motion.mjs taps) under a DevTools trace, and each change's
// main-thread tasks in the half second after the tap are listed: when each
// began, how long it ran and its self time by kind (script, style, layout,
// paint, composite, input). Then the median and worst of each change's
// longest task and of its total. Frame counts on a shared machine swing
// with its load; these figures, compared between two builds in
// alternation, are the steadier measure of a change in the work itself.
//
// BENCH_DIST (default dist/) serves another build; BENCH_EVENTS=n also
// lists each task's n largest trace events by self time (what the kinds are
// made of: which layout, which script, the input handling).
import { serve, launch, DIST } from '../../tests/e2e/support.js';
import { openLab, scenarioPoints, table } from './common.mjs';
import { bucket, startTrace, mainSlices } from './tracing.mjs';

const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// Tasks shorter than this are left out of the listing (not the totals).
const SHOWN = 2;
const EVENTS = Number(process.env.BENCH_EVENTS ?? 0);

const server = await serve(process.env.BENCH_DIST ?? DIST);
const browser = await launch();
const { context, page, cdp } = await openLab(browser, server.url, { throttle: THROTTLE });
const points = await scenarioPoints(page);

const trace = await startTrace(page, cdp);
const taps = [];
for (let round = 0; round < ROUNDS; round++) {
  for (let i = 1; i <= points.length; i++) {
    const { x, y } = points[i % points.length];
    taps.push(await page.evaluate(() => performance.now()));
    await page.mouse.click(x, y);
    await page.waitForTimeout(600);
  }
}
const { slices } = mainSlices(await trace.stop());
await context.close();
await browser.close();
await server.close();

const tops = slices.filter((s) => s.depth === 0);
const KINDS = ['script', 'style', 'layout', 'paint', 'composite', 'input'];
const longest = [];
const totals = [];
const rows = [];
const events = [];
for (const [n, at] of taps.entries()) {
  const tasks = tops.filter((t) => t.start >= at && t.start < at + 500);
  longest.push(Math.max(0, ...tasks.map((t) => t.end - t.start)));
  totals.push(tasks.reduce((sum, t) => sum + t.end - t.start, 0));
  for (const t of tasks.filter((t) => t.end - t.start >= SHOWN)) {
    const by = {};
    const byName = {};
    for (const s of slices) {
      if (s.start < t.start || s.end > t.end) continue;
      by[bucket(s.name)] = (by[bucket(s.name)] ?? 0) + s.self;
      byName[s.name] = (byName[s.name] ?? 0) + s.self;
    }
    rows.push([n + 1, (t.start - at).toFixed(0), (t.end - t.start).toFixed(1), ...KINDS.map((k) => (by[k] ?? 0).toFixed(1))]);
    const top = Object.entries(byName).sort((a, b) => b[1] - a[1]).slice(0, EVENTS);
    if (top.length) events.push(`${n + 1} @${(t.start - at).toFixed(0)} ${(t.end - t.start).toFixed(1)} ms: ${top.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' | ')}`);
  }
}
console.log(`\nmain-thread tasks after each scenario change at ${THROTTLE}x CPU, 390 px (ms; self time by kind)`);
table(['change', 'began', 'ran', ...KINDS], rows);
if (events.length) {
  console.log(`\neach task's ${EVENTS} largest trace events (change @began ran: event self ms)`);
  for (const line of events) console.log(line);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`\nper change (${taps.length})`);
table(
  ['', 'median', 'worst'],
  [
    ['longest task', median(longest).toFixed(1), Math.max(...longest).toFixed(1)],
    ['all tasks', median(totals).toFixed(1), Math.max(...totals).toFixed(1)],
  ],
);
console.log('\nreproduce: make dist && node scripts/bench/change.mjs   (BENCH_DIST=dir for another build; alternate two builds to compare)');
