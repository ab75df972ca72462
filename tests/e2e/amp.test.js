// embed.html in AMP. The AMP runtime and its validator are served only from
// cdn.ampproject.org, which these tests cannot reach, so: dist/amp.html is
// checked against the rules AMP documents for a page and for amp-iframe
// (placeholder, resizable with an overflow element, height of at least
// 100 px, sandbox, https), and embed.html is driven through a stand-in for
// amp-iframe's side of the messages: a placeholder hidden at `embed-ready`
// and a height taken from each `embed-size`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { open, harness, screenshot, ROOT, DIST } from './support.js';

const amp = await readFile(join(DIST, 'amp.html'), 'utf8');
const readme = await readFile(join(ROOT, 'README.md'), 'utf8');

// What amp-iframe does with the frame's messages (amp.dev, amp-iframe:
// "Iframe with placeholder", "Iframe resizing"), for embed.html on this server.
const STAND_IN = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<style>body { margin: 0; } .amp { position: relative; } iframe { display: block; width: 100%; border: 0; }
[placeholder] { position: absolute; inset: 0; background: #f4f4f6; }</style></head>
<body><p>An AMP article.</p><div class="amp"><iframe src="/embed.html" title="explainer" height="1250" scrolling="no"></iframe>
<div placeholder>Loading the interactive explainer</div></div><div style="height:1500px"></div>
<script>
  window.heard = [];
  const frame = document.querySelector('iframe');
  addEventListener('message', (e) => {
    if (e.source !== frame.contentWindow || !e.data || e.data.sentinel !== 'amp') return;
    const ready = frame.contentWindow.performance.getEntriesByName('backchannel:ready').length > 0;
    heard.push({ type: e.data.type, height: e.data.height, ready });
    if (e.data.type === 'embed-ready') document.querySelector('[placeholder]').hidden = true;
    if (e.data.type === 'embed-size') frame.style.height = e.data.height + 'px';
  });
</script></body></html>`;
const env = harness({ '/amp-stand-in.html': { body: STAND_IN } });

/** The attributes of the first element named `tag` in `html`. */
function attributes(html, tag) {
  const open = html.match(new RegExp(`<${tag}\\b([^>]*)>`))?.[1];
  assert.ok(open !== undefined, `a <${tag}>`);
  return Object.fromEntries([...open.matchAll(/([^\s="]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name, value ?? '']));
}

test('amp.html follows the rules AMP documents for a page and for amp-iframe', async () => {
  assert.match(amp, /^<!doctype html>/i);
  const html = attributes(amp, 'html');
  assert.ok('⚡' in html || 'amp' in html, 'the html element says AMP');
  assert.equal(html.lang, 'en');
  assert.match(amp, /<meta charset="utf-8">/);
  assert.match(amp, /<link rel="canonical" href="https:\/\/[^"]+">/);
  assert.match(amp, /<meta name="viewport" content="width=device-width">/);
  assert.match(amp, /<script async src="https:\/\/cdn\.ampproject\.org\/v0\.js"><\/script>/);
  assert.match(amp, /<script async custom-element="amp-iframe" src="https:\/\/cdn\.ampproject\.org\/v0\/amp-iframe-0\.1\.js"><\/script>/);
  assert.match(amp, /<style amp-boilerplate>body\{-webkit-animation:-amp-start 8s/);
  assert.match(amp, /<noscript><style amp-boilerplate>body\{-webkit-animation:none;/);
  // No script of our own; one amp-custom style under AMP's 75,000 bytes.
  assert.equal([...amp.matchAll(/<script\b/g)].length, 2, 'only the runtime and amp-iframe');
  const custom = amp.match(/<style amp-custom>([^]*?)<\/style>/)?.[1];
  assert.ok(custom !== undefined && Buffer.byteLength(custom) < 75000);
  assert.ok(!/!important/.test(custom), 'AMP forbids !important');

  const frame = attributes(amp, 'amp-iframe');
  assert.match(frame.src, /^https:\/\/.+\/embed\.html$/, 'https, the iframe page');
  assert.ok(frame.title, 'a title for screen readers');
  assert.equal(frame.layout, 'responsive');
  assert.ok(Number(frame.width) > 0 && Number(frame.height) >= 100, 'a size, at least 100 px tall');
  assert.ok('resizable' in frame, 'resizable');
  assert.deepEqual(frame.sandbox.split(/\s+/).sort(), ['allow-same-origin', 'allow-scripts']);
  const body = amp.match(/<amp-iframe\b[^>]*>([^]*?)<\/amp-iframe>/)[1];
  assert.match(body, /<div placeholder\b[^>]*>[^<]+<\/div>/, 'a placeholder (so it may sit near the top)');
  const overflow = attributes(body, 'div overflow');
  assert.equal(overflow.role, 'button');
  assert.equal(overflow.tabindex, '0');
  assert.ok(overflow['aria-label']);

  // The README's amp-iframe is the same code.
  const inReadme = attributes(readme.match(/```html\n(<amp-iframe[^]*?)```/)[1], 'amp-iframe');
  assert.deepEqual(inReadme, frame);
});

test('through a stand-in for amp-iframe: the placeholder goes at embed-ready, after the explainer is ready, and the frame takes each embed-size', async () => {
  const { context, page, errors } = await open(env.browser, `${env.server.url}/amp-stand-in.html`, {
    viewport: { width: 390, height: 844 },
  });
  await page.waitForFunction(() => heard.some((m) => m.type === 'embed-size'));
  const heard = await page.evaluate(() => window.heard);
  const ready = heard.filter((m) => m.type === 'embed-ready');
  assert.equal(ready.length, 1, 'embed-ready once');
  assert.equal(ready[0].ready, true, 'only once the explainer is ready');
  assert.ok(heard.indexOf(ready[0]) < heard.findIndex((m) => m.type === 'embed-size'), 'before the first height');
  assert.equal(await page.locator('[placeholder]').isVisible(), false, 'the placeholder is gone');
  const frame = page.frameLocator('iframe');
  const fits = () =>
    page.evaluate(() => {
      const f = document.querySelector('iframe');
      const inner = f.contentDocument.documentElement;
      return { frame: f.getBoundingClientRect().height, content: Math.ceil(inner.offsetHeight) };
    });
  let size = await fits();
  assert.ok(size.frame >= 100 && Math.abs(size.frame - size.content) <= 1, `the frame takes the explainer's height: ${JSON.stringify(size)}`);
  // A step of another height: a new embed-size, and the frame follows.
  const before = heard.filter((m) => m.type === 'embed-size').length;
  await frame.getByRole('switch').click();
  await frame.getByRole('button', { name: 'Next', exact: true }).click();
  await page.waitForFunction((n) => heard.filter((m) => m.type === 'embed-size').length > n, before);
  await page.waitForTimeout(300);
  size = await fits();
  assert.ok(Math.abs(size.frame - size.content) <= 1, `after a step: ${JSON.stringify(size)}`);
  await screenshot(page, 'amp-stand-in-390', { fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});
