// Measures the explainer's first view, the height the loader reserves before
// the wasm arrives (FIRST_VIEW in www/embed/loader/space.js), in headless Chromium.
// Builds nothing: run it after `make dist` whenever the first beat changes.
//
//   node scripts/first-view.mjs          prints the table in the loader's format
//   node scripts/first-view.mjs --write  also replaces the table in www/embed/loader/space.js
//
// The table is keyed by the host element's width (what the loader can read);
// the explainer's own breakpoints follow the viewport, so each width is
// measured in an article with 16 px margins each side, as news pages have.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, DIST, ROOT } from '../tests/e2e/support.js';

const LOADER = join(ROOT, 'www/embed/loader/space.js');
const MARGIN = 16;
const TABLE = /const FIRST_VIEW = \[\n(?:\s*\[\d+, \d+\],\n)+\];/;

// The widths already in the table, plus a 320 px and a 390 px host.
const current = readFileSync(LOADER, 'utf8').match(TABLE);
if (!current) throw new Error(`first-view: no FIRST_VIEW table in ${LOADER}`);
const widths = [...new Set([...[...current[0].matchAll(/\[(\d+), \d+\]/g)].map((m) => Number(m[1])), 320, 390])].sort(
  (a, b) => a - b,
);

const pages = {
  '/first-view.html': {
    body:
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>first view</title>' +
      '<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">' +
      '<link rel="stylesheet" href="/first-view.css"></head><body><main><backchannel-explainer></backchannel-explainer></main>' +
      '<script type="module" src="/backchannel.js"></script></body></html>',
  },
  '/first-view.css': { body: `body { margin: 0; } main { padding: 0 ${MARGIN}px; }`, type: 'text/css' },
};

const server = await serve(DIST, {}, pages);
const browser = await launch();
const rows = [];
try {
  for (const width of widths) {
    const context = await browser.newContext({ viewport: { width: width + 2 * MARGIN, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/first-view.html`);
    await page.waitForFunction(() => performance.getEntriesByName('backchannel:ready').length > 0);
    const [w, h, screen] = await page.evaluate(async () => {
      const host = document.querySelector('backchannel-explainer');
      host.backchannel.pause();
      // Two frames: the first render and the release of the reservation laid out.
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      const box = host.getBoundingClientRect();
      // The first screen: down to the bottom of the "Make it public" switch.
      const sw = host.shadowRoot.querySelector('.bc-switch').getBoundingClientRect();
      return [host.clientWidth, Math.ceil(box.height), Math.ceil(sw.bottom - box.top)];
    });
    if (w !== width) throw new Error(`first-view: host is ${w} px wide, expected ${width}`);
    rows.push([width, h, screen]);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const table = `const FIRST_VIEW = [\n${rows.map(([w, h]) => `  [${w}, ${h}],`).join('\n')}\n];`;
console.log(table);
// The README's iframe code without a resize script: a height that holds the
// first screen (the message and its switch) on every phone, with room for the
// pager under it; the rest scrolls inside the frame.
const phones = rows.filter(([w]) => w <= 390).map(([, , screen]) => screen + 80);
console.log(`// iframe height for phones without a resize script: ${Math.ceil(Math.max(...phones) / 50) * 50}`);
if (process.argv.includes('--write')) {
  writeFileSync(LOADER, readFileSync(LOADER, 'utf8').replace(TABLE, table));
  console.log(`first-view: table written to ${LOADER}`);
}
