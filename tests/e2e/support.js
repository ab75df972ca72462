// Shared helpers for the end-to-end tests: a static server for dist/ on
// 127.0.0.1 and Debian's Chromium driven by playwright-core (never a
// downloaded browser).
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const OUTPUT = join(ROOT, 'test-output');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `dir` on an ephemeral loopback port. `pages` maps extra paths to
 * `{ body, type?, headers? }` (test pages); `headers` go on every file.
 */
export async function serve(dir = DIST, headers = {}, pages = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const page = pages[path];
    if (page) {
      res.writeHead(200, { 'content-type': page.type ?? TYPES['.html'], ...headers, ...page.headers });
      res.end(page.body);
      return;
    }
    const file = normalize(join(dir, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/**
 * A test page with one explainer at its top, as a reader who scrolled to it
 * sees it: `attributes` on the element, `head` before the loader, and a
 * tall spacer after it.
 */
export const explainerPage = (attributes = '', head = '') => ({
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">${head}
<script type="module" src="/backchannel.js"></script></head>
<body style="margin:0"><backchannel-explainer ${attributes}><p>Fallback</p></backchannel-explainer>
<div style="height:2000px"></div></body></html>`,
});

/** Launches Debian's Chromium headless with the flags this closed network needs. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Opens `url` in a fresh context and collects console errors and page errors. */
export async function open(browser, url, options = {}) {
  // `prepare(page)`, if given, runs before the page loads (routes).
  const { prepare, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const page = await context.newPage();
  if (prepare) await prepare(page);
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(url);
  return { context, page, errors };
}

/** Waits until the explainer on `page` has announced it is ready. */
export async function ready(page) {
  await page.waitForFunction(() => performance.getEntriesByName('backchannel:ready').length > 0);
}

/** Saves a screenshot under test-output/screenshots/: the full page, or what the reader's screen shows. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  const dir = join(OUTPUT, 'screenshots');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/**
 * Waits until the explainer has rendered what a reader's input changed: it
 * renders after the input's own paint (src/ui/after_paint.rs), in a task
 * queued from the next animation frame; this resolves a frame after that.
 */
export function rendered(page) {
  return page.evaluate(
    () => new Promise((ok) => requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(() => ok())))),
  );
}

/** The explainer's state through the host handle. */
export function state(page) {
  return page.evaluate(() => document.querySelector('[data-backchannel]').backchannel.state());
}

/** A meter's numeric value, found by its accessible name. */
export async function meterValue(page, name) {
  const meter = page.getByRole('meter', { name });
  return Number(await meter.getAttribute('aria-valuenow'));
}

/** Animations running in the document and in every shadow root under it. */
export function runningAnimations(page) {
  return page.evaluate(() => {
    const roots = [document, ...[...document.querySelectorAll('*')].map((e) => e.shadowRoot).filter(Boolean)];
    return roots.reduce((n, root) => n + root.getAnimations().length, 0);
  });
}

/**
 * Waits for the render a reader's input asks for, then for every animation and
 * transition in the document and its shadow roots to finish (at most
 * `limit` ms): a check of colours or positions made mid-fade reads
 * in-between values (axe measured a 360 ms fade-in's text at 4.47:1).
 */
export async function animationsDone(page, limit = 5000) {
  // After the render a reader's input asks for (src/ui/after_paint.rs).
  await rendered(page);
  return page.evaluate(async (limit) => {
    const roots = [document, ...[...document.querySelectorAll('*')].map((e) => e.shadowRoot).filter(Boolean)];
    const ended = Promise.all(roots.flatMap((r) => r.getAnimations()).map((a) => a.finished.catch(() => {})));
    await Promise.race([ended, new Promise((ok) => setTimeout(ok, limit))]);
  }, limit);
}

/**
 * Starts a loopback server for dist/ (plus `pages`) and a browser before the
 * file's tests and stops both after; read them as `env.server`, `env.browser`.
 */
export function harness(pages = {}) {
  const env = {};
  before(async () => {
    env.server = await serve(DIST, {}, pages);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Shows the beat with this id through the handle (beat order is story data). */
export async function goToBeatId(page, id, selector = '[data-backchannel]') {
  // Stops at the beat: going on to the last one would fire backchannel:complete.
  const found = await page.evaluate(([s, id]) => {
    const handle = document.querySelector(s).backchannel;
    for (let n = 0; n < 50; n++) {
      handle.goToBeat(n);
      if (handle.state().beat === id) return true;
    }
    return false;
  }, [selector, id]);
  if (!found) throw new Error(`no beat "${id}"`);
  await page.locator(selector).locator(`.bc-beat-${id}`).first().waitFor();
}

/**
 * The story's beat ids in order, read through the handle of the explainer
 * at `selector` (goToBeat clamps, so the list ends where ids repeat); it is
 * left on the first beat.
 */
export function beatIds(page, selector = '[data-backchannel]') {
  return page.evaluate((s) => {
    const h = document.querySelector(s).backchannel;
    const ids = [];
    for (let n = 0; n < 50; n++) {
      h.goToBeat(n);
      const id = h.state().beat;
      if (ids.includes(id)) break;
      ids.push(id);
    }
    h.goToBeat(0);
    return ids;
  }, selector);
}
