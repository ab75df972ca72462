// make standalone: dist/backchannel-standalone.html, one file that opens
// from disk (file://) with no server and no network: the loader as an
// inline module, and the wasm (base64), the JS glue, the stylesheet and
// every language's strings handed to it inline (loader.js, INLINE).
// Browsers refuse to fetch from file://, so nothing may be fetched. Presenter
// extras: ?present (or the P key) enlarges everything for a projector, and
// PageDown/PageUp (what clickers send) and the arrow keys outside a control
// go to the next or previous step. Run after `make dist`.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dist = resolve(import.meta.dirname, '../dist');
const find = (re) => {
  const name = readdirSync(dist).find((f) => re.test(f));
  if (!name) throw new Error(`standalone: no ${re} in dist/ (run make dist first)`);
  return name;
};
const wasm = readFileSync(join(dist, find(/^backchannel-[0-9a-f]+_bg\.wasm$/)));
const glue = readFileSync(join(dist, find(/^backchannel-[0-9a-f]+\.js$/)), 'utf8');
// The pack reader's, for a presenter who loads a pack of their own.
const readerWasm = readFileSync(join(dist, find(/^backchannel-reader-[0-9a-f]+_bg\.wasm$/)));
const readerGlue = readFileSync(join(dist, find(/^backchannel-reader-[0-9a-f]+\.js$/)), 'utf8');
const css = readFileSync(join(dist, 'backchannel.css'), 'utf8');
const loader = readFileSync(join(dist, 'backchannel.js'), 'utf8');
const locales = Object.fromEntries(
  readdirSync(join(dist, 'locales'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.replace(/\.json$/, ''), readFileSync(join(dist, 'locales', f), 'utf8')]),
);
const en = JSON.parse(readFileSync(resolve(import.meta.dirname, '../www/locales/en.json'), 'utf8'));

// Text inside <script>: JSON, with "</" broken so no "</script>" ends it early.
const js = (value) => JSON.stringify(value).replaceAll('</', '<\\/');
const inlineScript = (code) => code.replaceAll('</script', '<\\/script');

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${en['explainer.title']} — Backchannel</title>
<link rel="icon" href="data:,">
<style>
  html { background: #fff; }
  body { margin: 0; }
  main { max-width: 1160px; margin: 0 auto; padding: 24px 16px 48px; }
  backchannel-explainer { display: block; }
</style>
<script>
  // The explainer's files, for the loader below (nothing is fetched).
  (() => {
    const bytes = (base64) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    globalThis.BACKCHANNEL_INLINE = {
      wasm: bytes(${js(wasm.toString('base64'))}),
      glue: new Blob([${js(glue)}], { type: 'text/javascript' }),
      reader: {
        wasm: bytes(${js(readerWasm.toString('base64'))}),
        glue: new Blob([${js(readerGlue)}], { type: 'text/javascript' }),
      },
      css: URL.createObjectURL(new Blob([${js(css)}], { type: 'text/css' })),
      locales: ${js(locales)},
    };
  })();
</script>
<script type="module">${inlineScript(loader)}</script>
</head>
<body>
<main>
<backchannel-explainer scenario="what-happened"></backchannel-explainer>
</main>
<script>
  // Presenter extras: ?present or the P key enlarges the explainer; clickers'
  // PageDown/PageUp, and the arrow keys outside a control, change step.
  (() => {
    const host = document.querySelector('backchannel-explainer');
    if (new URLSearchParams(location.search).has('present')) host.setAttribute('present', '');
    addEventListener('keydown', (e) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const inControl = e.composedPath().some((el) => el instanceof Element && el.matches('input, select, textarea, button, summary, [role=switch]'));
      if ((e.key === 'p' || e.key === 'P') && !inControl) {
        host.toggleAttribute('present');
        return;
      }
      const next = e.key === 'PageDown' || (e.key === 'ArrowRight' && !inControl);
      const back = e.key === 'PageUp' || (e.key === 'ArrowLeft' && !inControl);
      if (!next && !back) return;
      const buttons = host.shadowRoot?.querySelectorAll('.bc-pager .bc-button');
      if (!buttons?.length) return;
      e.preventDefault();
      buttons[next ? buttons.length - 1 : 0].click();
    });
  })();
</script>
</body>
</html>
`;
const out = join(dist, 'backchannel-standalone.html');
writeFileSync(out, page);
console.log(`standalone: ${out} (${(page.length / 1024).toFixed(0)} KB)`);
