// What the trace benches share: a DevTools trace of the page's main thread,
// its events with their self time on the page's clock, and coarse kinds of
// work for event names (trace.mjs, change.mjs).

/** Trace categories; `invalidations` adds why layout was invalidated (slow). */
export function categories(invalidations = false) {
  return [
    'devtools.timeline',
    'disabled-by-default-devtools.timeline',
    'disabled-by-default-devtools.timeline.frame',
    'blink.user_timing',
    'v8.execute',
    'blink',
    'cc',
    // Slows the page down a lot (DOM changes record stacks): on request.
    ...(invalidations ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : []),
  ];
}

/** Coarse buckets for trace event names (self time, so wrappers count little). */
export function bucket(name) {
  if (/^(FunctionCall|EvaluateScript|v8\.|V8\.|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks|AsyncTask|FrameRequestCallbackCollection)/.test(name)) return 'script';
  if (/(UpdateLayoutTree|recalcStyle|RecalcStyle|StyleRecalc|Style::|StyleEngine|StyleInvalidat|SelectorQuery)/.test(name)) return 'style';
  if (/(^Layout$|performLayout|^InlineNode::|SvgText|LayoutObject|LayoutBlock|LayoutSVG|LayoutNG|BlockNode|^NG|ShapeText|HarfBuzz|Shape)/.test(name)) return 'layout';
  if (/(PrePaint|^Paint$|Paint\.UpdateTime|PaintImage|CullRect|RasterTask|Decode)/.test(name)) return 'paint';
  if (/(Layerize|CompositeLayers|^Commit$|CompositingInputs|PaintArtifactCompositor|pushPaintArtifact|CompositingCommit|UpdateLayer|BeginMainFrame|LayerTreeHost|ProxyMain)/.test(name)) return 'composite';
  if (/(HitTest|EventHandler::|Editor::|Selection)/.test(name)) return 'input';
  if (/(Accessibility|AX)/.test(name)) return 'a11y';
  if (/^(RunTask|ThreadController|ThreadPool|SequenceManager)/.test(name)) return 'task';
  return 'other';
}

/**
 * Starts a trace; `stop()` ends it and returns its events and `sync`, the
 * page time (performance.now) of a mark that ties the page's clock to the
 * trace's.
 */
export async function startTrace(page, cdp, { invalidations = false } = {}) {
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: categories(invalidations), excludedCategories: ['*'] },
  });
  const sync = await page.evaluate(() => {
    const t = performance.now();
    performance.mark('bench-trace-sync', { startTime: t });
    return t;
  });
  return {
    stop: async () => {
      await cdp.send('Tracing.end');
      await complete;
      return { events, sync };
    },
  };
}

/**
 * The complete events of the renderer's main thread (the one that recorded
 * the sync mark), on the page's clock (ms), each with its nesting depth and
 * self time (wall, `self`, and thread, `cpuSelf`: its time less its
 * children's); with the renderer's `pid` and `toPage`, trace time (µs) to
 * page time (ms).
 */
export function mainSlices({ events, sync }) {
  const mark = events.find((e) => e.name === 'bench-trace-sync');
  if (!mark) throw new Error('the sync mark is not in the trace');
  const pid = mark.pid;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args.name === 'CrRendererMain');
  const tid = main.tid;
  // Trace time (µs) of page time 0.
  const offset = mark.ts - sync * 1000;
  const toPage = (ts) => (ts - offset) / 1000;
  const slices = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined)
    .map((e) => ({ name: e.name, start: toPage(e.ts), end: toPage(e.ts + e.dur), cpu: (e.tdur ?? e.dur) / 1000, args: e.args, children: 0, cpuChildren: 0 }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const stack = [];
  for (const s of slices) {
    while (stack.length && stack.at(-1).end <= s.start) stack.pop();
    if (stack.length) {
      stack.at(-1).children += s.end - s.start;
      stack.at(-1).cpuChildren += s.cpu;
    }
    s.depth = stack.length;
    stack.push(s);
  }
  for (const s of slices) {
    s.self = Math.max(0, s.end - s.start - s.children);
    s.cpuSelf = Math.max(0, s.cpu - s.cpuChildren);
  }
  return { slices, pid, toPage };
}
