// Playback benchmark: plays the explainer in headless Chromium (as is, and
// with the CPU slowed 4x like a cheap phone) and prints frame times and long
// tasks from the browser's performance timeline. Prints numbers; asserts none.
import { serve, launch, ready } from '../tests/e2e/support.js';

const SECONDS = 6;
const server = await serve();
const browser = await launch();

async function measure(beat, throttle) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.goto(server.url);
  await ready(page);
  const result = await page.evaluate(
    async ({ beat, seconds }) => {
      const host = document.querySelector('[data-backchannel]');
      host.scrollIntoView();
      const h = host.backchannel;
      h.goToBeat(beat);
      h.selectScenario('what-happened');
      h.seek(0);
      const longTasks = [];
      const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
      observer.observe({ type: 'longtask', buffered: false });
      const frames = [];
      let last = performance.now();
      let running = true;
      const tick = (now) => {
        frames.push(now - last);
        last = now;
        if (running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      h.play();
      const startDay = h.state().day;
      await new Promise((r) => setTimeout(r, seconds * 1000));
      running = false;
      h.pause();
      observer.disconnect();
      return { frames, longTasks, days: h.state().day - startDay };
    },
    { beat, seconds: SECONDS },
  );
  await context.close();
  const sorted = [...result.frames].sort((a, b) => a - b);
  const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(1);
  return {
    frames: sorted.length,
    fps: (sorted.length / SECONDS).toFixed(1),
    p50: q(0.5),
    p95: q(0.95),
    max: sorted.at(-1).toFixed(1),
    over16: sorted.filter((f) => f > 16.7 * 1.5).length,
    longTasks: result.longTasks.length,
    longestTask: result.longTasks.length ? Math.max(...result.longTasks).toFixed(0) : '0',
    days: result.days,
  };
}

console.log(`playback, ${SECONDS} s, what-happened from day 0, 390 px wide (frame times in ms)`);
console.log('beat          cpu   frames  fps   p50   p95   max  >25ms  long-tasks longest  days');
for (const [name, beat] of [['make it public', 2], ['try it yourself', 6]]) {
  for (const throttle of [1, 4]) {
    const r = await measure(beat, throttle);
    console.log(
      `${name.padEnd(14)}${`${throttle}x`.padStart(3)} ${String(r.frames).padStart(8)} ${r.fps.padStart(5)} ${r.p50.padStart(5)} ${r.p95.padStart(5)} ${r.max.padStart(5)} ${String(r.over16).padStart(6)} ${String(r.longTasks).padStart(11)} ${r.longestTask.padStart(7)} ${String(r.days).padStart(5)}`,
    );
  }
}
await browser.close();
await server.close();
