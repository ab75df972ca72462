// A reader who keeps going, for 2 minutes at 390 px: the flip and back,
// every beat forward and back, every scenario, the timeline scrubbed by drag
// and by keys, leaks of their own built in the lab, the model's parameters
// dragged and reset (readerPass in scripts/bench/common.mjs, which
// scripts/bench/soak.mjs runs for 10 minutes). Nothing may log an error, and
// after garbage collection the JS heap may grow less than 2 MB and the DOM
// nodes and event listeners stay where the first pass left them (see LIMITS
// there for why those limits).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness } from './support.js';
import { openDemo, beatIds, session, soakChecks, mb } from '../../scripts/bench/common.mjs';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 2);

const env = harness();

test(`${MINUTES} minutes of reading: no errors, no growth in heap, DOM or listeners`, async () => {
  const { context, page, cdp, errors } = await openDemo(env.browser, env.server.url);
  const ids = await beatIds(page);
  assert.ok(ids.length > 2, `${ids.length} beats`);
  const rows = await session(page, cdp, ids, { minutes: MINUTES });
  const first = rows[0];
  const last = rows.at(-1);
  for (const r of rows) {
    console.log(
      `soak ${r.minutes.toFixed(1)} min, ${r.passes} passes: JS heap ${mb(r.heap)} MB, ` +
        `${r.nodes} DOM nodes, ${r.listeners} listeners, wasm ${mb(r.wasm)} MB`,
    );
  }
  const checks = soakChecks(first, last, errors);
  for (const c of checks) console.log(`soak: ${c.text}`);
  assert.deepEqual(errors, []);
  for (const c of checks) assert.ok(c.ok, c.text);
  await context.close();
});
