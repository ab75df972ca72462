// Where the script time goes in the moments that drop frames: a V8 CPU
// profile (CDP Profiler) of the flip and of scenario changes in the lab, at
// 390 px with the CPU slowed BENCH_THROTTLE times (default 4). Prints self
// time by function, and inclusive time by function of the wasm. Run it on a
// build whose wasm keeps its names to read Rust functions (README
// "Benchmark"); on dist/ as built they show as wasm-function[N].
//
// BENCH_TOP (default 25) sets how many functions each table lists.
// BENCH_DIST (default dist/) serves another build; BENCH_PROFILE_OUT saves
// the raw profiles there (open them in DevTools).
import { writeFile } from 'node:fs/promises';
import { serve, launch, DIST } from '../../tests/e2e/support.js';
import { openDemo, openLab, scenarioPoints, settle, table } from './common.mjs';

const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 4);
const TOP = Number(process.env.BENCH_TOP ?? 25);

const server = await serve(process.env.BENCH_DIST ?? DIST);
const browser = await launch();

/** Runs `act` under the profiler; returns the profile. */
async function profiled(cdp, act) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await act();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  return profile;
}

/** Self time (ms) by function name, largest first. */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]);
    const f = n.callFrame;
    const name = f.functionName || `(anonymous ${f.url.split('/').pop()}:${f.lineNumber})`;
    self.set(name, (self.get(name) ?? 0) + (dt[i] ?? 0) / 1000);
  }
  return [...self].filter(([n]) => n !== '(idle)' && n !== '(program)').sort((a, b) => b[1] - a[1]);
}

/**
 * Inclusive time (ms) by function of the wasm (the function and what it
 * called), largest first: where a render's time goes, by component.
 */
function wasmTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const seen = new Set();
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id).callFrame;
      if (!f.url.includes('wasm') || seen.has(f.functionName)) continue;
      seen.add(f.functionName);
      total.set(f.functionName, (total.get(f.functionName) ?? 0) + (dt[i] ?? 0) / 1000);
    }
  }
  return [...total].sort((a, b) => b[1] - a[1]);
}

const profiles = {};
// The flip, on a fresh page: the click and the second after it.
{
  const { context, page, cdp } = await openDemo(browser, server.url, { throttle: THROTTLE });
  await settle(page);
  profiles.flip = await profiled(cdp, async () => {
    await page.getByRole('switch').first().click();
    await page.waitForTimeout(1500);
  });
  await context.close();
}
// Scenario changes in the lab, each given time to settle.
{
  const { context, page, cdp } = await openLab(browser, server.url, { throttle: THROTTLE });
  const points = await scenarioPoints(page);
  profiles.scenario = await profiled(cdp, async () => {
    for (let round = 0; round < 3; round++) {
      for (const { x, y } of points) {
        await page.mouse.click(x, y);
        await page.waitForTimeout(400);
      }
    }
  });
  await context.close();
}

for (const [what, profile] of Object.entries(profiles)) {
  const rows = selfTimes(profile);
  const total = rows.reduce((n, [, t]) => n + t, 0);
  console.log(`\n${what} at ${THROTTLE}x: ${total.toFixed(1)} ms of script (self time, top ${TOP})`);
  table(['function', 'self ms', 'share'], rows.slice(0, TOP).map(([n, t]) => [n.slice(0, 90), t.toFixed(1), `${((100 * t) / total).toFixed(0)}%`]));
  console.log(`\n${what} at ${THROTTLE}x: inclusive time in the wasm's functions (top ${TOP})`);
  // Crate hashes ([0123abcd…]) only make the names longer.
  const short = (n) => n.replace(/\[[0-9a-f]{16}\]/g, '').slice(0, 110);
  table(['function', 'ms'], wasmTimes(profile).slice(0, TOP).map(([n, t]) => [short(n), t.toFixed(1)]));
  if (process.env.BENCH_PROFILE_OUT) await writeFile(`${process.env.BENCH_PROFILE_OUT}/${what}.cpuprofile`, JSON.stringify(profile));
}

await browser.close();
await server.close();
