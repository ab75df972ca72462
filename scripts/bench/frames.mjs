// Frames and long tasks recorded in the page, marked by scripted action,
// and the figures made of them (motion and trace benches).

/**
 * Starts recording animation-frame intervals and long tasks in the page, and
 * lets `mark(name)` note which scripted action is under way, so slow frames
 * can be traced to it. `stop()` returns what was recorded.
 */
export async function recorder(page) {
  await page.evaluate(() => {
    const r = (window.benchRecorder = { frames: [], longTasks: [], marks: [], running: true });
    r.observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) r.longTasks.push({ start: e.startTime, duration: e.duration });
    });
    r.observer.observe({ type: 'longtask', buffered: false });
    let last = performance.now();
    const tick = (now) => {
      // The frame's start, its interval since the last one.
      r.frames.push({ start: last, interval: now - last });
      last = now;
      if (r.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return {
    mark: (name) => page.evaluate((name) => window.benchRecorder.marks.push({ name, at: performance.now() }), name),
    stop: () =>
      page.evaluate(() => {
        const r = window.benchRecorder;
        r.running = false;
        r.observer.disconnect();
        return { frames: r.frames, longTasks: r.longTasks, marks: r.marks };
      }),
  };
}

/** The action under way at page time `t`: the last mark before it. */
export function actionAt(marks, t) {
  let name = '(before the first action)';
  for (const m of marks) {
    if (m.at <= t) name = m.name;
    else break;
  }
  return name;
}

/** Frame and long-task figures from a recording. */
export function frameStats({ frames, longTasks }) {
  // The first interval runs from installing the recorder, not from a frame.
  const intervals = frames.slice(1).map((f) => f.interval).sort((a, b) => a - b);
  const q = (p) => intervals[Math.min(intervals.length - 1, Math.floor(p * intervals.length))] ?? 0;
  return {
    frames: intervals.length,
    p50: q(0.5),
    p95: q(0.95),
    p99: q(0.99),
    max: intervals.at(-1) ?? 0,
    over50: intervals.filter((f) => f > 50).length,
    longTasks: longTasks.length,
    longest: longTasks.length ? Math.max(...longTasks.map((t) => t.duration)) : 0,
  };
}
