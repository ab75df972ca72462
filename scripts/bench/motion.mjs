// Motion benchmark at 390 px, with the CPU as is and slowed 4x like a cheap
// phone: (a) the flip (the reader clicks the switch to make the message
// public) and the playback after it; (b) a scripted stretch of the lab beat
// (scenario changes, real pointer drags and arrow keys on the sliders,
// parameter changes); (c) the lab beat left untouched as long, the frames the
// machine drops on its own. Prints frame intervals (requestAnimationFrame deltas)
// and long tasks, then which scripted action the slow lab frames fell in,
// then how long each handle action takes on its own. Asserts nothing.
//
// The target: no frame of lab interaction at 4x over 50 ms.
//
// BENCH_FLIP_SECONDS (default 10) and BENCH_LAB_SECONDS (default 60) shorten
// trial runs; BENCH_THROTTLE=4 measures one rate only.
import { serve, launch, DIST } from '../../tests/e2e/support.js';
import { openDemo, openLab, settle, labPass, recorder, frameStats, actionAt, handleTimings, table } from './common.mjs';

const FLIP_SECONDS = Number(process.env.BENCH_FLIP_SECONDS ?? 10);
const LAB_SECONDS = Number(process.env.BENCH_LAB_SECONDS ?? 60);
const RATES = process.env.BENCH_THROTTLE ? [Number(process.env.BENCH_THROTTLE)] : [1, 4];

// BENCH_DIST serves another build (another variant of dist/, to compare).
const server = await serve(process.env.BENCH_DIST ?? DIST);
const browser = await launch();

/** The flip on the first beat, and the playback it starts. */
async function flip(throttle) {
  const { context, page } = await openDemo(browser, server.url, { throttle });
  await settle(page);
  const rec = await recorder(page);
  await rec.mark('flip');
  await page.getByRole('switch').first().click();
  await page.waitForTimeout(FLIP_SECONDS * 1000);
  const recording = await rec.stop();
  await context.close();
  return recording;
}

/**
 * The lab beat left alone as long as the lab is played: the frames the
 * machine itself drops (its other load, the browser's own work), against
 * which the lab's count is read.
 */
async function idle(throttle) {
  const { context, page } = await openLab(browser, server.url, { throttle });
  const rec = await recorder(page);
  await page.waitForTimeout(LAB_SECONDS * 1000);
  const recording = await rec.stop();
  await context.close();
  return recording;
}

/** Lab passes (with their pauses) until the time is up, the reader's pace halved. */
async function lab(throttle) {
  const { context, page } = await openLab(browser, server.url, { throttle });
  const rec = await recorder(page);
  const end = Date.now() + LAB_SECONDS * 1000;
  while (Date.now() < end) await labPass(page, { dwell: 500, mark: rec.mark });
  const recording = await rec.stop();
  const timings = await handleTimings(page);
  await context.close();
  return { recording, timings };
}

const ms = (x) => x.toFixed(1);
const rows = [];
const slow = [];
const timings = [];
for (const throttle of RATES) {
  for (const [what, run] of [
    [`flip + ${FLIP_SECONDS} s playback`, async () => ({ recording: await flip(throttle) })],
    [`lab, ${LAB_SECONDS} s scripted`, () => lab(throttle)],
    [`lab, ${LAB_SECONDS} s untouched`, async () => ({ recording: await idle(throttle) })],
  ]) {
    const result = await run();
    const s = frameStats(result.recording);
    rows.push([what, `${throttle}x`, s.frames, ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), s.over50, s.longTasks, ms(s.longest)]);
    if (result.timings) {
      // Slow lab frames by the scripted action under way when they began.
      const { frames, marks } = result.recording;
      const by = {};
      for (const f of frames.slice(1).filter((f) => f.interval > 50)) {
        const name = actionAt(marks, f.start);
        by[name] ??= { count: 0, worst: 0 };
        by[name].count++;
        by[name].worst = Math.max(by[name].worst, f.interval);
      }
      for (const [name, b] of Object.entries(by).sort((a, b) => b[1].worst - a[1].worst)) {
        slow.push([name, `${throttle}x`, b.count, ms(b.worst)]);
      }
      for (const [name, t] of Object.entries(result.timings)) {
        timings.push([name, `${throttle}x`, ms(t.call), ms(t.callMax), ms(t.frame), ms(t.frameMax)]);
      }
    }
  }
}

console.log('\nframes at 390 px (rAF intervals in ms; long tasks are > 50 ms)');
table(['what', 'cpu', 'frames', 'p50', 'p95', 'p99', 'max', '>50ms', 'long tasks', 'longest'], rows);
console.log('\nlab frames over 50 ms, by the scripted action under way when the frame began');
if (slow.length) table(['action', 'cpu', 'frames', 'worst'], slow);
else console.log('(none)');
console.log('\nhandle actions on the lab beat, 12 calls each (ms): the call, and until the frame after it has run');
table(['action', 'cpu', 'call p50', 'call max', 'frame p50', 'frame max'], timings);
console.log('\nreproduce: make dist && node scripts/bench/motion.mjs   (BENCH_LAB_SECONDS=10 BENCH_FLIP_SECONDS=3 for a quick run)');

await browser.close();
await server.close();
