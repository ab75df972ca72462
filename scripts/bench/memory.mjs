// Memory benchmark: the JS heap (after forced garbage collection) and the
// wasm memory (the loader's wasmMemoryBytes()) on the demo page at 390 px,
// when the explainer has just started, after 1 minute and after 10 minutes
// of a reader going through the story again and again (the flip, every
// beat, scenarios, scrubbing, parameter changes: readerPass in common.mjs).
// Prints numbers; asserts none. Wasm memory never shrinks, so it shows the
// high-water mark; a steady figure means nothing accumulates.
//
// BENCH_MINUTES (default 10) shortens a trial run.
import { serve, launch } from '../../tests/e2e/support.js';
import { openDemo, beatIds, counters, session, mb, table } from './common.mjs';

const MINUTES = Number(process.env.BENCH_MINUTES ?? 10);

const server = await serve();
const browser = await launch();
const { context, page, cdp, errors } = await openDemo(browser, server.url);
const ids = await beatIds(page);
const start = { minutes: 0, passes: 0, ...(await counters(page, cdp)) };
const rows = await session(page, cdp, ids, { minutes: MINUTES });
// The rows to report: the start, the first row past 1 minute, the end.
const one = rows.find((r) => r.minutes >= 1) ?? rows.at(-1);
const picked = [start, ...new Set([one, rows.at(-1)])];
await context.close();

console.log(`\nmemory over ${MINUTES} min of scripted reading at 390 px (MB; after garbage collection)`);
table(
  ['after', 'passes', 'JS heap', 'change', 'wasm memory', 'change'],
  picked.map((r) => [
    r.passes ? `${r.minutes.toFixed(1)} min` : 'start',
    r.passes,
    mb(r.heap),
    mb(r.heap - start.heap, true),
    mb(r.wasm),
    r.wasm === null ? 'n/a' : mb(r.wasm - start.wasm, true),
  ]),
);
console.log(`console errors: ${errors.length}${errors.length ? `, first: ${errors[0]}` : ''}`);
console.log('\nreproduce: make dist && node scripts/bench/memory.mjs   (BENCH_MINUTES=2 for a quick run)');

await browser.close();
await server.close();
