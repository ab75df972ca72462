// Where the time goes in slow lab frames: runs the motion bench's scripted
// lab passes at 390 px under a DevTools trace (CPU slowed BENCH_THROTTLE
// times, default 4), then sums the main thread's self time by trace event
// in the frames over 50 ms and in all frames, and lists what the Layout
// events in the slow frames laid out (dirty objects, roots).
//
// BENCH_LAB_SECONDS (default 20) sets how long the lab is played;
// BENCH_DIST (default dist/) serves another build;
// BENCH_INVALIDATIONS=1 also lists why layout was invalidated (slow);
// BENCH_TRACE_OUT, if set, saves the raw trace there (open it in DevTools).
import { writeFile } from 'node:fs/promises';
import { serve, launch, DIST } from '../../tests/e2e/support.js';
import { openLab, labPass, recorder, actionAt, handleTimings, table } from './common.mjs';
import { bucket, startTrace, mainSlices } from './tracing.mjs';

const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 4);
const LAB_SECONDS = Number(process.env.BENCH_LAB_SECONDS ?? 20);
const SLOW = 50;
const KINDS = ['script', 'style', 'layout', 'paint', 'composite', 'input', 'a11y', 'task', 'other'];

// BENCH_DIST serves another build (as motion.mjs).
const server = await serve(process.env.BENCH_DIST ?? DIST);
const browser = await launch();
const { context, page, cdp } = await openLab(browser, server.url, { throttle: THROTTLE });

const trace = await startTrace(page, cdp, { invalidations: Boolean(process.env.BENCH_INVALIDATIONS) });
const rec = await recorder(page);
const end = Date.now() + LAB_SECONDS * 1000;
while (Date.now() < end) await labPass(page, { dwell: 500, mark: rec.mark });
// Handle actions alone, each followed by a frame (as motion.mjs times them).
await handleTimings(page, { mark: true });
const recording = await rec.stop();
const traced = await trace.stop();
const { events } = traced;
if (process.env.BENCH_TRACE_OUT) await writeFile(process.env.BENCH_TRACE_OUT, JSON.stringify({ traceEvents: events }));

const { slices, pid, toPage } = mainSlices(traced);

const frames = recording.frames.slice(1);
const slow = frames.filter((f) => f.interval > SLOW);

/** Self time by event name and by bucket within the windows `ws` ([start, end] in page ms). */
function sums(ws) {
  const byName = {};
  const byBucket = {};
  const sorted = [...ws].sort((a, b) => a[0] - b[0]);
  for (const [a, b] of sorted) {
    for (const s of slices) {
      if (s.end <= a || s.start >= b || s.self <= 0) continue;
      // Self time clipped to the window, in proportion.
      const share = (Math.min(b, s.end) - Math.max(a, s.start)) / (s.end - s.start);
      const t = s.self * share;
      byName[s.name] = (byName[s.name] ?? 0) + t;
      byBucket[bucket(s.name)] = (byBucket[bucket(s.name)] ?? 0) + t;
    }
  }
  return { byName, byBucket };
}

const windows = (fs) => fs.map((f) => [f.start, f.start + f.interval]);
const total = (fs) => fs.reduce((n, f) => n + f.interval, 0);
const ms = (x) => x.toFixed(1);
const pct = (x, of) => `${((100 * x) / of).toFixed(0)}%`;

const slowSums = sums(windows(slow));
const allSums = sums(windows(frames));
const slowTime = total(slow);
const allTime = total(frames);

console.log(`\n${THROTTLE}x CPU, ${LAB_SECONDS} s of lab passes: ${frames.length} frames, ${slow.length} over ${SLOW} ms (worst ${ms(Math.max(0, ...slow.map((f) => f.interval)))} ms)`);
console.log(`\nmain-thread self time by kind (ms; per slow frame = total / ${slow.length})`);
const buckets = [...new Set([...Object.keys(slowSums.byBucket), ...Object.keys(allSums.byBucket)])];
table(
  ['kind', 'slow frames', 'per slow frame', 'share of slow', 'all frames', 'share of all'],
  buckets
    .map((b) => [b, slowSums.byBucket[b] ?? 0, allSums.byBucket[b] ?? 0])
    .sort((x, y) => y[1] - x[1])
    .map(([b, s, a]) => [b, ms(s), ms(s / Math.max(1, slow.length)), pct(s, slowTime), ms(a), pct(a, allTime)]),
);
console.log(`(frame time: slow ${ms(slowTime)} ms, all ${ms(allTime)} ms; the rest is idle or other threads)`);

console.log('\ntop trace events in the slow frames (self ms)');
table(
  ['event', 'slow frames', 'per slow frame', 'all frames'],
  Object.entries(slowSums.byName)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([n, t]) => [n, ms(t), ms(t / Math.max(1, slow.length)), ms(allSums.byName[n] ?? 0)]),
);

// Per slow frame: what was under way and the biggest parts.
console.log('\nslow frames: action, interval, and the main parts (self ms)');
const rows = [];
for (const f of slow) {
  const { byBucket } = sums([[f.start, f.start + f.interval]]);
  rows.push([
    actionAt(recording.marks, f.start),
    ms(f.interval),
    ...KINDS.map((b) => ms(byBucket[b] ?? 0)),
  ]);
}
table(['action', 'interval', ...KINDS], rows);

// The layouts and style recalcs in the slow frames.
const inSlow = (s) => slow.some((f) => s.start < f.start + f.interval && s.end > f.start);
const layouts = slices.filter((s) => s.name === 'Layout' && inSlow(s));
const styles = slices.filter((s) => s.name === 'UpdateLayoutTree' && inSlow(s));
console.log(`\nLayout events in slow frames: ${layouts.length}`);
const roots = {};
for (const l of layouts) {
  const b = l.args?.beginData ?? {};
  const root = l.args?.endData?.rootNode ?? l.args?.endData?.layoutRoots?.[0]?.nodeId;
  const key = root ?? 'unknown';
  roots[key] ??= { count: 0, time: 0, dirty: 0, total: 0, partial: 0 };
  const r = roots[key];
  r.count++;
  r.time += l.end - l.start;
  r.dirty += b.dirtyObjects ?? 0;
  r.total = Math.max(r.total, b.totalObjects ?? 0);
  r.partial += b.partialLayout ? 1 : 0;
}
async function describe(id) {
  if (id === 'unknown') return 'unknown';
  try {
    const { node } = await cdp.send('DOM.describeNode', { backendNodeId: Number(id) });
    const attrs = node.attributes ?? [];
    const cls = attrs[attrs.indexOf('class') + 1];
    return `${node.nodeName.toLowerCase()}${attrs.includes('class') ? '.' + cls.split(/\s+/).join('.') : ''}`;
  } catch {
    return `node ${id} (gone)`;
  }
}
await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
const layoutRows = [];
for (const [id, r] of Object.entries(roots).sort((a, b) => b[1].time - a[1].time)) {
  layoutRows.push([await describe(id), r.count, ms(r.time), (r.dirty / r.count).toFixed(0), r.total, r.partial]);
}
table(['layout root', 'layouts', 'ms (incl.)', 'dirty objects (mean)', 'total objects', 'partial'], layoutRows);
const elementCounts = styles.map((s) => s.args?.elementCount ?? s.args?.beginData?.elementCount ?? 0);
console.log(
  `\nstyle recalcs in slow frames: ${styles.length}, ${ms(styles.reduce((n, s) => n + s.end - s.start, 0))} ms incl., elements restyled: mean ${(
    elementCounts.reduce((a, b) => a + b, 0) / Math.max(1, elementCounts.length)
  ).toFixed(0)}, max ${Math.max(0, ...elementCounts)}`,
);

// Main-thread CPU (thread time, so other processes on the machine inflate it
// less than wall time; under CPU throttling it includes the throttle, so it
// reads at the throttled rate) by the scripted action under way, per
// occurrence. The steadiest figure for comparing two builds on a busy machine.
{
  const per = {};
  const counts = {};
  for (const m of recording.marks) counts[m.name] = (counts[m.name] ?? 0) + 1;
  const t0 = recording.frames[0]?.start ?? 0;
  for (const sl of slices) {
    if (sl.start < t0) continue;
    const name = actionAt(recording.marks, sl.start);
    per[name] ??= {};
    const b = bucket(sl.name);
    per[name][b] = (per[name][b] ?? 0) + sl.cpuSelf;
  }
  console.log('\nmain-thread CPU per action occurrence (thread ms, self time by kind; all of the action, frames and waits included)');
  const kinds = ['script', 'style', 'layout', 'paint', 'composite', 'input', 'task', 'other'];
  table(
    ['action', 'n', 'total', ...kinds],
    Object.entries(per)
      .filter(([n]) => counts[n])
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([n, k]) => {
        const c = counts[n];
        const tot = Object.values(k).reduce((x, y) => x + y, 0);
        return [n, c, ms(tot / c), ...kinds.map((b) => ms((k[b] ?? 0) / c))];
      }),
  );
}

// Why layout was invalidated in the slow frames (invalidation tracking).
const tracked = events.filter(
  (e) => e.pid === pid && e.name === 'LayoutInvalidationTracking' && slow.some((f) => toPage(e.ts) >= f.start && toPage(e.ts) < f.start + f.interval),
);
const reasons = {};
for (const e of tracked) {
  const d = e.args?.data ?? {};
  const key = `${d.reason ?? '?'} | ${d.nodeName ?? '?'}`;
  reasons[key] = (reasons[key] ?? 0) + 1;
}
console.log(`\nlayout invalidations in slow frames: ${tracked.length} (per slow frame ${(tracked.length / Math.max(1, slow.length)).toFixed(0)})`);
table(
  ['reason | node', 'count'],
  Object.entries(reasons)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30),
);
const otherNames = Object.entries(slowSums.byName).filter(([n]) => bucket(n) === 'other').sort((a, b) => b[1] - a[1]).slice(0, 8);
console.log(`\n'other' in slow frames: ${otherNames.map(([n, t]) => `${n} ${ms(t)}`).join(', ')}`);

await context.close();
await browser.close();
await server.close();
