// Soak: a reader who keeps going (readerPass in common.mjs: the flip, every
// beat, scenarios, scrubbing, the lab's sliders and parameters) for 10
// minutes on the demo page at 390 px, with the JS heap, DOM nodes, JS event
// listeners and wasm memory read after forced garbage collection after the
// first pass and then about every minute. Prints numbers and how they stand
// against the limits tests/e2e/soak.test.js asserts over 2 minutes;
// asserts none itself.
//
// BENCH_MINUTES (default 10) shortens a trial run.
import { serve, launch } from '../../tests/e2e/support.js';
import { openDemo, beatIds, session, soakChecks, mb, table } from './common.mjs';

const MINUTES = Number(process.env.BENCH_MINUTES ?? 10);

const server = await serve();
const browser = await launch();
const { context, page, cdp, errors } = await openDemo(browser, server.url);
const ids = await beatIds(page);
const rows = await session(page, cdp, ids, {
  minutes: MINUTES,
  onRow: (r) => console.log(`  ${r.minutes.toFixed(1)} min, ${r.passes} passes`),
});
await context.close();

const first = rows[0];
console.log(`\nsoak: ${MINUTES} min of scripted reading at 390 px (after garbage collection; changes from after the first pass)`);
table(
  ['after', 'passes', 'JS heap MB', 'change', 'DOM nodes', 'change', 'listeners', 'change', 'wasm MB'],
  rows.map((r) => [
    `${r.minutes.toFixed(1)} min`,
    r.passes,
    mb(r.heap),
    mb(r.heap - first.heap, true),
    r.nodes,
    r.nodes - first.nodes,
    r.listeners,
    r.listeners - first.listeners,
    mb(r.wasm),
  ]),
);
if (errors.length) console.log(`first console error: ${errors[0]}`);
console.log("\nagainst the soak test's limits (it asserts them over 2 minutes):");
for (const c of soakChecks(first, rows.at(-1), errors)) console.log(`${c.ok ? 'within' : 'OVER  '}  ${c.text}`);
console.log('\nreproduce: make dist && node scripts/bench/soak.mjs   (BENCH_MINUTES=2 for a quick run)');

await browser.close();
await server.close();
