// Embedding as newsroom pages do it: the iframe embed and its height
// messages, several script embeds on one page, a hostile host stylesheet, a
// strict Content-Security-Policy, same-origin requests only, and bad configs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { screenshot, rendered, ROOT, DIST, harness, animationsDone } from './support.js';

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";
const pym = await readFile(join(ROOT, 'node_modules/pym.js/dist/pym.v1.min.js'), 'utf8');
const page = (body, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page</title>` +
  `<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">${head}</head><body>${body}</body></html>`;
const LOADER = '<script type="module" src="/backchannel.js"></script>';
const js = (body) => ({ body, type: 'text/javascript; charset=utf-8' });
const css = (body) => ({ body, type: 'text/css; charset=utf-8' });

// The README's iframe code and resize listener, used as written (with the
// example origin replaced by the test server's), so the README cannot drift
// from what is tested.
const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
const README_IFRAME = readme.match(/<iframe src="https:\/\/example\.org\/backchannel\/embed\.html[^]*?<\/iframe>/)?.[0];
const README_LISTENER = readme.match(/<script>\n(\s*addEventListener\('message'[^]*?)<\/script>/)?.[1];
const local = (code) => code?.replaceAll('https://example.org/backchannel/', '/');
const FILLER = '<p>Article text.</p>'.repeat(12);

/** Where each of the explainer's beats is, by id (beat order may change). */
const beatIndex = (p, id, selector = '[data-backchannel]') =>
  p.evaluate(
    ([beat, sel]) => {
      const h = document.querySelector(sel).backchannel;
      const start = h.state().beat;
      let found = -1;
      for (let n = 0; n < 20 && found < 0; n++) {
        h.goToBeat(n);
        if (h.state().beat === beat) found = n;
      }
      for (let n = 0; n < 20; n++) {
        h.goToBeat(n);
        if (h.state().beat === start) break;
      }
      return found;
    },
    [id, selector],
  );

const PAGES = {
  '/t/pym.v1.min.js': js(pym),
  '/t/pym.html': {
    body: page('<h1>pym parent</h1><div id="bc"></div><script src="/t/pym.v1.min.js"></script><script src="/t/pym-parent.js"></script>'),
  },
  '/t/pym-parent.js': js("window.parentFrame = new pym.Parent('bc', '/embed.html?scenario=only-macron', { title: 'Backchannel explainer' });"),
  '/t/listener.html': {
    body: page('<h1>listener</h1><iframe id="f" title="Backchannel explainer" src="/embed.html?childId=dw1" width="100%" height="200"></iframe><script src="/t/listener.js"></script>'),
  },
  '/t/listener.js': js(`
    window.heard = { datawrapper: [], amp: [], flourish: [], pym: [] };
    addEventListener('message', (e) => {
      const d = e.data;
      if (d && typeof d === 'object' && d['datawrapper-height']) heard.datawrapper.push(d['datawrapper-height'].dw1);
      else if (d && typeof d === 'object' && d.sentinel === 'amp' && d.type === 'embed-size') heard.amp.push(d.height);
      else if (typeof d === 'string' && d.startsWith('pymxPYMx')) heard.pym.push(d);
      else if (typeof d === 'string') {
        try { const m = JSON.parse(d); if (m.context === 'iframe.resize' && m.method === 'resize') heard.flourish.push(m.height); } catch {}
      }
    });`),
  '/t/three.html': {
    body: page(
      '<h1>three</h1>' +
        // Two custom elements and the <div data-backchannel> form.
        ['a', 'b'].map((id) => `<backchannel-explainer id="${id}"></backchannel-explainer>`).join('') +
        '<div data-backchannel id="c"></div>' +
        LOADER,
    ),
  },
  '/t/clean.html': { body: page('<main><backchannel-explainer theme="light"></backchannel-explainer></main>' + LOADER, '<link rel="stylesheet" href="/t/width.css">') },
  '/t/hostile.html': {
    body: page('<main><backchannel-explainer theme="light"></backchannel-explainer></main>' + LOADER, '<link rel="stylesheet" href="/t/width.css"><link rel="stylesheet" href="/t/hostile.css">'),
  },
  '/t/width.css': css('body { margin: 0; } main { width: 600px; margin: 0 auto; }'),
  // CMS root font sizes: 62.5 % (the "10 px rem" habit) and a large-type 125 %.
  '/t/rem-small.html': {
    body: page('<main><backchannel-explainer theme="light"></backchannel-explainer></main>' + LOADER, '<link rel="stylesheet" href="/t/width.css"><link rel="stylesheet" href="/t/rem-small.css">'),
  },
  '/t/rem-large.html': {
    body: page('<main><backchannel-explainer theme="light"></backchannel-explainer></main>' + LOADER, '<link rel="stylesheet" href="/t/width.css"><link rel="stylesheet" href="/t/rem-large.css">'),
  },
  '/t/rem-small.css': css('html { font-size: 62.5%; }'),
  '/t/rem-large.css': css('html { font-size: 125%; }'),
  // A light-only article (as most are) holding the three themes.
  '/t/themes.html': {
    body: page(
      '<h1>themes</h1>' +
        '<backchannel-explainer id="default"></backchannel-explainer>' +
        '<backchannel-explainer id="auto" theme="auto"></backchannel-explainer>' +
        '<backchannel-explainer id="dark" theme="dark"></backchannel-explainer>' +
        LOADER,
    ),
  },
  // The same, far below the fold: only the loader's fallback boxes show.
  '/t/themes-far.html': {
    body: page(
      '<h1>themes far</h1><div class="spacer"></div>' +
        '<backchannel-explainer id="default"></backchannel-explainer>' +
        '<backchannel-explainer id="auto" theme="auto"></backchannel-explainer>' +
        '<backchannel-explainer id="dark"><script type="application/json">{ "theme": "dark" }</script></backchannel-explainer>' +
        LOADER,
      '<link rel="stylesheet" href="/t/far.css">',
    ),
  },
  // A phone article with the README's iframe code, with and without its listener.
  '/t/readme-iframe.html': { body: page(`<h1>An article</h1><p>Lead paragraph.</p>${local(README_IFRAME)}${FILLER}`) },
  '/t/readme-listener.html': {
    body: page(`<h1>An article</h1><p>Lead paragraph.</p>${local(README_IFRAME)}${FILLER}<script src="/t/readme-listener.js"></script>`),
  },
  '/t/readme-listener.js': js(`
    window.heights = [];
    addEventListener('message', (e) => { const s = e.data && e.data['datawrapper-height']; if (s) heights.push(Object.values(s)[0]); });
    ${README_LISTENER}`),
  '/t/hostile.css': css(`
    * { font-family: "Comic Sans MS", cursive !important; color: red !important; line-height: 3 !important;
        letter-spacing: 3px !important; text-transform: uppercase !important; box-sizing: content-box !important;
        margin: 7px !important; padding: 5px !important; }
    main { margin: 0 auto !important; padding: 0 !important; }
    body { margin: 0 !important; padding: 0 !important; }
    button { background: hotpink !important; border: 6px dashed lime !important; font-size: 30px !important; }
    svg { display: none !important; }
    div { border: 4px solid red !important; background: yellow !important; }
    p, h1, h2, h3 { font-size: 40px !important; }`),
  '/t/csp.html': {
    headers: { 'content-security-policy': CSP },
    body: page('<h1>CSP host</h1><backchannel-explainer theme="dark"></backchannel-explainer>' + LOADER),
  },
  '/t/configs.html': {
    body: page(
      '<h1>configs</h1><button id="host-button" type="button">host button</button><output id="host-count">0</output>' +
        '<backchannel-explainer id="syntax"><script type="application/json">{ "scenario": </script></backchannel-explainer>' +
        '<backchannel-explainer id="types"><script type="application/json">{ "autoplay": "yes" }</script></backchannel-explainer>' +
        '<backchannel-explainer id="scenario"><script type="application/json">{ "scenario": "what-if" }</script></backchannel-explainer>' +
        '<backchannel-explainer id="range"><script type="application/json">{ "params": { "gamma": 7 } }</script></backchannel-explainer>' +
        '<backchannel-explainer id="beats"><script type="application/json">{ "beats": [0] }</script></backchannel-explainer>' +
        '<backchannel-explainer id="missing" config="/t/no-such-config.json"><p class="host-fallback">Macron\'s private text to Trump, as he posted it.</p></backchannel-explainer>' +
        '<backchannel-explainer id="good" config="/t/good-config.json"></backchannel-explainer>' +
        '<script src="/t/host.js"></script>' +
        LOADER,
    ),
  },
  '/t/far.html': {
    body: page(
      '<h1>far below</h1><div class="spacer"></div><backchannel-explainer scenario="only-macron"></backchannel-explainer><div class="spacer"></div>' + LOADER,
      '<link rel="stylesheet" href="/t/far.css">',
    ),
  },
  '/t/far.css': css('.spacer { height: 3000px; }'),
  '/t/host.js': js("document.getElementById('host-button').addEventListener('click', () => { const o = document.getElementById('host-count'); o.value = String(Number(o.value) + 1); });"),
  '/t/good-config.json': { body: '{ "scenario": "only-rutte", "params": { "gamma": 0.5 } }', type: 'application/json' },
};

const env = harness(PAGES);

async function openPage(path, options = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 900 }, ...options });
  const p = await context.newPage();
  const errors = [];
  p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  p.on('pageerror', (e) => errors.push(String(e)));
  await p.goto(env.server.url + path);
  return { context, page: p, errors };
}

const readyAll = (p, n) =>
  p.waitForFunction((count) => [...document.querySelectorAll('[data-backchannel]')].filter((e) => e.backchannel).length >= count, n);

/** Share of pixels that differ between two PNG screenshots (base64). */
async function pixelShare(a, b) {
  const { context, page: p } = await openPage('/t/clean.html');
  const diff = await p.evaluate(async ({ a, b }) => {
    const load = (src) => new Promise((ok) => { const i = new Image(); i.onload = () => ok(i); i.src = `data:image/png;base64,${src}`; });
    const [x, y] = await Promise.all([load(a), load(b)]);
    if (x.width !== y.width || x.height !== y.height) return { sizes: [x.width, x.height, y.width, y.height] };
    const pixels = (img) => { const c = document.createElement('canvas'); c.width = img.width; c.height = img.height; const g = c.getContext('2d'); g.drawImage(img, 0, 0); return g.getImageData(0, 0, img.width, img.height).data; };
    const [p1, p2] = [pixels(x), pixels(y)];
    let differ = 0;
    for (let i = 0; i < p1.length; i += 4) {
      if (Math.abs(p1[i] - p2[i]) + Math.abs(p1[i + 1] - p2[i + 1]) + Math.abs(p1[i + 2] - p2[i + 2]) > 48) differ++;
    }
    return { share: differ / (p1.length / 4) };
  }, { a, b });
  await context.close();
  return diff;
}

/** Luminance (0–1) of a CSS rgb()/rgba() colour. */
const luminance = (rgb) => {
  const [r, g, b] = rgb.match(/[\d.]+/g).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
};

/** Background, padding and radius of each explainer's root (or fallback box). */
const looks = (p, selector) =>
  p.evaluate((sel) => Object.fromEntries(
    ['default', 'auto', 'dark'].map((id) => {
      const box = document.getElementById(id).shadowRoot.querySelector(sel);
      const s = getComputedStyle(box);
      return [id, { background: s.backgroundColor, color: s.color, padding: parseFloat(s.paddingLeft), radius: parseFloat(s.borderTopLeftRadius) }];
    }),
  ), selector);

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

test('pym.js parent: the iframe gets a height that follows the content', async () => {
  const { context, page: p, errors } = await openPage('/t/pym.html');
  const iframe = p.locator('#bc iframe');
  await iframe.waitFor();
  assert.equal(await iframe.getAttribute('title'), 'Backchannel explainer');
  const frame = p.frameLocator('#bc iframe');
  await frame.locator('backchannel-explainer[data-backchannel]').waitFor();
  const inner = p.frames().find((f) => f.url().includes('/embed.html'));
  await inner.waitForFunction(() => document.querySelector('backchannel-explainer').backchannel);
  const heightNow = async () => Number.parseInt(await iframe.getAttribute('height'), 10);
  await p.waitForFunction(() => Number.parseInt(document.querySelector('#bc iframe').getAttribute('height'), 10) > 300);
  const first = await heightNow();
  const docHeight = await inner.evaluate(() => document.documentElement.offsetHeight);
  assert.ok(Math.abs(first - docHeight) <= 1, `iframe ${first}px vs document ${docHeight}px`);
  // The lab beat is taller than the first beat: the iframe must follow.
  const lab = await beatIndex(inner, 'lab');
  assert.ok(lab > 0, 'the story has a lab beat');
  await inner.evaluate((n) => document.querySelector('backchannel-explainer').backchannel.goToBeat(n), lab);
  await p.waitForFunction((h) => Number.parseInt(document.querySelector('#bc iframe').getAttribute('height'), 10) !== h, first);
  const second = await heightNow();
  const docSecond = await inner.evaluate(() => document.documentElement.offsetHeight);
  assert.ok(Math.abs(second - docSecond) <= 1, `after: iframe ${second}px vs document ${docSecond}px`);
  // And it shrinks back.
  await inner.evaluate(() => document.querySelector('backchannel-explainer').backchannel.goToBeat(0));
  await p.waitForFunction((h) => Number.parseInt(document.querySelector('#bc iframe').getAttribute('height'), 10) < h, second);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Datawrapper, AMP and Flourish listeners all hear the right height, once per change', async () => {
  const { context, page: p } = await openPage('/t/listener.html');
  const inner = await (async () => {
    for (let i = 0; i < 100; i++) {
      const f = p.frames().find((x) => x.url().includes('/embed.html'));
      if (f) return f;
      await p.waitForTimeout(50);
    }
    throw new Error('no iframe');
  })();
  await inner.waitForFunction(() => document.querySelector('backchannel-explainer').backchannel);
  await p.waitForTimeout(500);
  const docHeight = await inner.evaluate(() => document.documentElement.offsetHeight);
  const heard = await p.evaluate(() => window.heard);
  for (const dialect of ['datawrapper', 'amp', 'flourish']) {
    assert.ok(heard[dialect].length > 0, `${dialect} heard nothing`);
    assert.equal(heard[dialect].at(-1), Math.max(docHeight, dialect === 'amp' ? 100 : 0), dialect);
  }
  assert.match(heard.pym.at(-1), new RegExp(`^pymxPYMxdw1xPYMxheightxPYMx${docHeight}$`));
  // Only changes are sent: consecutive messages differ.
  for (let i = 1; i < heard.datawrapper.length; i++) {
    assert.notEqual(heard.datawrapper[i], heard.datawrapper[i - 1]);
  }
  await context.close();
});

test('three explainers on one page are independent', async () => {
  const { context, page: p, errors } = await openPage('/t/three.html', { viewport: { width: 1000, height: 6000 } });
  await readyAll(p, 3);
  const first = await p.evaluate(() => document.getElementById('b').backchannel.state().beat);
  const act = await beatIndex(p, 'act', '#a');
  await p.evaluate((n) => {
    const a = document.getElementById('a').backchannel;
    a.goToBeat(n);
    a.setPublic(true);
  }, act);
  await p.locator('#a').getByRole('switch', { name: 'Make it public' }).waitFor();
  const states = await p.evaluate(() => ['a', 'b', 'c'].map((id) => document.getElementById(id).backchannel.state()));
  assert.equal(states[0].public, true);
  assert.equal(states[0].beat, 'act');
  for (const s of states.slice(1)) {
    assert.equal(s.public, false);
    assert.equal(s.beat, first);
  }
  await p.locator('#b').getByRole('button', { name: 'Next', exact: true }).click();
  const after = await p.evaluate(() => ['a', 'b', 'c'].map((id) => document.getElementById(id).backchannel.state().beat));
  assert.equal(after[0], 'act');
  assert.notEqual(after[1], first, 'b moved on');
  assert.equal(after[2], first, 'c stayed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a hostile host stylesheet does not change how the explainer looks', async () => {
  const shots = {};
  for (const name of ['clean', 'hostile']) {
    const { context, page: p } = await openPage(`/t/${name}.html`, { reducedMotion: 'reduce' });
    await readyAll(p, 1);
    await p.waitForTimeout(300);
    const host = p.locator('backchannel-explainer');
    shots[name] = (await host.screenshot()).toString('base64');
    await screenshot(p, `host-${name}`);
    await context.close();
  }
  const diff = await pixelShare(shots.clean, shots.hostile);
  assert.ok(!diff.sizes, `sizes differ: ${diff.sizes}`);
  assert.ok(diff.share < 0.005, `${(diff.share * 100).toFixed(2)}% of pixels differ`);
});

test('strict CSP: no violation, and the explainer is interactive', async () => {
  const context = await env.browser.newContext();
  const p = await context.newPage();
  await p.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const refused = [];
  p.on('console', (m) => /Content Security Policy|Refused to/.test(m.text()) && refused.push(m.text()));
  await p.goto(env.server.url + '/t/csp.html');
  await readyAll(p, 1);
  // On to the beat with the switch, as a reader would (the order may change).
  const toggle = p.getByRole('switch', { name: 'Make it public' });
  for (let i = 0; i < 10 && !(await toggle.isVisible()); i++) {
    await p.getByRole('button', { name: 'Next', exact: true }).click();
    // The step is drawn after the tap's own paint: look for the switch then.
    await rendered(p);
  }
  await toggle.click();
  const s = await p.evaluate(() => document.querySelector('backchannel-explainer').backchannel.state());
  assert.equal(s.public, true);
  await p.waitForTimeout(800);
  assert.deepEqual(await p.evaluate(() => window.violations), []);
  assert.deepEqual(refused, []);
  await context.close();
});

test('a full session requests nothing from any other origin', async () => {
  const { context, page: p } = await openPage('/');
  const requests = [];
  p.on('request', (r) => requests.push(r.url()));
  await p.reload();
  await readyAll(p, 1);
  for (let n = 0, last = ''; n < 20; n++) {
    const beat = await p.evaluate((i) => {
      const h = document.querySelector('[data-backchannel]').backchannel;
      h.goToBeat(i);
      if (h.state().beat === 'act') h.setPublic(true);
      return h.state().beat;
    }, n);
    if (beat === last) break; // goToBeat clamps at the last beat
    last = beat;
    await p.waitForTimeout(300);
  }
  const foreign = requests.filter((u) => !u.startsWith(env.server.url) && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.ok(requests.some((u) => u.endsWith('.wasm')));
  // The built-in story never loads the pack reader; a pack check does.
  const reader = () => requests.filter((u) => u.includes('/backchannel-reader-'));
  assert.deepEqual(reader(), [], 'no pack reader for the built-in story');
  const checked = await p.evaluate(async () => (await import('/backchannel.js')).validatePack(await (await fetch('/packs/nato-summit-2025.json')).json()));
  assert.equal(checked.ok, true, JSON.stringify(checked.problems));
  assert.deepEqual(reader().map((u) => u.replace(/.*\/backchannel-reader-[0-9a-f]+/, '')).sort(), ['.js', '_bg.wasm']);
  await context.close();
});

test('each malformed config shows a readable error and an event; a config that does not load tells the console, not the reader; the host page keeps working', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 8000 } });
  const p = await context.newPage();
  await p.addInitScript(() => {
    window.errorsHeard = [];
    addEventListener('backchannel:error', (e) => window.errorsHeard.push({ id: e.target.id, ...e.detail }));
  });
  const consoleErrors = [];
  p.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await p.goto(env.server.url + '/t/configs.html');
  await p.waitForFunction(() => window.errorsHeard.length >= 6 && document.getElementById('good').backchannel);
  const heard = await p.evaluate(() => window.errorsHeard);
  const byId = Object.fromEntries(heard.map((e) => [e.id, e]));
  const expect = {
    syntax: /config: not valid JSON/,
    types: /config\.autoplay: expected true or false, got the string "yes"/,
    scenario: /config\.scenario: unknown scenario "what-if"/,
    range: /config\.params\.gamma: 7 is outside its range/,
    // The number as the host wrote it (once "invalid type: number `0.0`").
    beats: /config\.beats\[0\]: expected a string, got the number 0/,
  };
  for (const [id, pattern] of Object.entries(expect)) {
    assert.match(byId[id]?.message ?? '', pattern, id);
    const shown = await p.locator(`#${id}`).getByRole('alert').textContent();
    assert.match(shown, pattern, `${id} shows the error in the element`);
    assert.ok(consoleErrors.some((c) => pattern.test(c)), `${id} is in the console`);
  }
  assert.equal(byId.range.field, 'config.params.gamma');
  assert.equal(byId.beats.message, 'config.beats[0]: expected a string, got the number 0');
  // A config that does not load is the page's set-up at fault: the console
  // and the event say so, the reader keeps the host's fallback (the
  // explainer does not start without the config it was asked to follow),
  // and nothing about it is printed in the article.
  const missing = /^config: could not load \/t\/no-such-config\.json \(HTTP 404\)$/;
  assert.match(byId.missing?.message ?? '', missing);
  assert.equal(byId.missing.field, 'config');
  assert.ok(consoleErrors.some((c) => /could not load \/t\/no-such-config\.json \(HTTP 404\)/.test(c)), 'missing is in the console');
  await p.locator('#missing .host-fallback').waitFor({ state: 'visible' });
  const article = await p.evaluate(() => {
    const host = document.getElementById('missing');
    return { text: host.shadowRoot.textContent, alerts: host.shadowRoot.querySelectorAll('[role=alert]').length, handle: Boolean(host.backchannel) };
  });
  assert.equal(article.alerts, 0, 'no error box in the article');
  assert.doesNotMatch(article.text, /could not load|HTTP|no-such-config/, `the article does not print the developer's error: ${article.text}`);
  assert.equal(article.handle, false, 'the explainer did not start');
  // The reader keeps the fallback text, with the error below it: the
  // built-in one where the host gave only a config.
  const below = async (id, fallback) => {
    await fallback.waitFor({ state: 'visible' });
    const [f, e] = [await fallback.boundingBox(), await p.locator(`#${id}`).getByRole('alert').boundingBox()];
    assert.ok(f.height > 10 && e.y >= f.y + f.height - 1, `${id}: fallback ${JSON.stringify(f)}, error ${JSON.stringify(e)}`);
  };
  for (const id of ['syntax', 'types', 'scenario', 'range', 'beats']) await below(id, p.locator(`#${id} .bc-fallback`));
  // A good config's scenario waits for the reader's flip, and the lab opens on it.
  const good = await p.evaluate(() => {
    const h = document.getElementById('good').backchannel;
    const first = h.state();
    h.goToBeat(99);
    return { first, lab: h.state() };
  });
  assert.equal(good.first.public, false);
  assert.equal(good.first.scenario, 'kept-private');
  assert.equal(good.lab.scenario, 'only-rutte');
  await p.click('#host-button');
  await p.click('#host-button');
  assert.equal(await p.locator('#host-count').textContent(), '2');
  await context.close();
});

test('host events: ready, public, scenario, complete', async () => {
  const context = await env.browser.newContext();
  const p = await context.newPage();
  await p.addInitScript(() => {
    window.heard = [];
    for (const name of ['ready', 'public', 'scenario', 'complete']) {
      addEventListener(`backchannel:${name}`, (e) => window.heard.push([name, JSON.stringify(e.detail)]));
    }
  });
  await p.goto(env.server.url + '/');
  await readyAll(p, 1);
  // Forward to the act beat (found by id: the order may change), flip,
  // change scenario, then on to the lab, the last beat.
  await p.evaluate(() => {
    const h = document.querySelector('[data-backchannel]').backchannel;
    let n = 0;
    while (h.state().beat !== 'act' && n < 20) h.goToBeat(++n);
    h.setPublic(true);
    h.selectScenario('only-rutte');
    while (h.state().beat !== 'lab' && n < 20) h.goToBeat(++n);
  });
  const names = (await p.evaluate(() => window.heard)).map(([n, d]) => `${n} ${d}`);
  assert.equal(names[0], 'ready null');
  assert.equal(names.filter((n) => n.startsWith('ready')).length, 1, names.join('; '));
  const flip = names.indexOf('public {"message":"macron","public":true}');
  const rutte = names.indexOf('scenario {"scenario":"only-rutte"}');
  assert.ok(flip > 0, `public event: ${names.join('; ')}`);
  assert.ok(rutte > flip, `scenario event after it: ${names.join('; ')}`);
  assert.equal(names.at(-1), 'complete {"beat":"lab"}');
  assert.equal(names.filter((n) => n.startsWith('complete')).length, 1, 'complete fires once');
  await context.close();
});

test('selectScenario where the step in view shows another scenario: kept for where it applies, and the console says so', async () => {
  const context = await env.browser.newContext();
  const p = await context.newPage();
  const warnings = [];
  p.on('console', (m) => m.type() === 'warning' && m.text().startsWith('backchannel:') && warnings.push(m.text()));
  await p.goto(env.server.url + '/');
  await readyAll(p, 1);
  const result = await p.evaluate(() => {
    const h = document.querySelector('[data-backchannel]').backchannel;
    h.goToBeat(0);
    const first = h.state();
    h.selectScenario('only-rutte');
    const after = h.state();
    let thrown;
    try {
      h.selectScenario('no-such-scenario');
    } catch (e) {
      thrown = e.message;
    }
    let n = 0;
    while (h.state().beat !== 'lab' && n < 20) h.goToBeat(++n);
    return { first, after, thrown, lab: h.state() };
  });
  // Step 1 shows its own message, still private: the choice does not show there.
  assert.equal(result.after.scenario, result.first.scenario);
  assert.equal(warnings.length, 1, warnings.join('\n'));
  assert.match(warnings[0], new RegExp(`^backchannel: selectScenario\\("only-rutte"\\) is kept, but step "${result.first.beat}" shows "${result.first.scenario}": the choice applies in the lab`));
  assert.match(result.thrown ?? '', /unknown scenario "no-such-scenario"/, 'an unknown id throws');
  // Where it applies, it shows.
  assert.equal(result.lab.scenario, 'only-rutte');
  // In the lab it shows at once: nothing to say.
  await p.evaluate(() => document.querySelector('[data-backchannel]').backchannel.selectScenario('only-macron'));
  assert.equal(warnings.length, 1, warnings.join('\n'));
  await context.close();
});

test('lazy and polite: nothing loads until near the viewport, and the clock stops off screen', async () => {
  const { context, page: p } = await openPage('/t/far.html', { viewport: { width: 1000, height: 800 } });
  const wasm = [];
  p.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(r.url()));
  await p.waitForTimeout(800);
  assert.equal(wasm.length, 0, 'no wasm requested while far from the viewport');
  assert.equal(await p.evaluate(() => typeof document.querySelector('backchannel-explainer').backchannel), 'undefined');
  await p.locator('backchannel-explainer').scrollIntoViewIfNeeded();
  await readyAll(p, 1);
  assert.equal(wasm.length, 1);
  const state = () => p.evaluate(() => document.querySelector('backchannel-explainer').backchannel.state());
  // Nothing plays before the reader's flip; after it the clock runs on screen.
  assert.equal((await state()).playing, false);
  await p.evaluate(() => document.querySelector('backchannel-explainer').backchannel.setPublic(true));
  await p.waitForFunction(() => document.querySelector('backchannel-explainer').backchannel.state().day > 215);
  assert.equal((await state()).playing, true, 'playback runs on screen');
  await p.evaluate(() => window.scrollTo(0, 0));
  await p.waitForTimeout(300);
  const held = (await state()).day;
  await p.waitForTimeout(600);
  assert.equal((await state()).day, held, 'the clock holds off screen');
  await p.locator('backchannel-explainer').scrollIntoViewIfNeeded();
  await p.waitForFunction((d) => document.querySelector('backchannel-explainer').backchannel.state().day > d, held);
  await context.close();
});

test('its height is reserved: the box it holds before loading is the box it draws', async () => {
  for (const width of [390, 1280]) {
    const { context, page: p } = await openPage('/t/far.html', { viewport: { width, height: 800 } });
    const host = p.locator('backchannel-explainer');
    // Far below the fold it has not started: what it holds is the reservation.
    const reserved = await host.evaluate((e) => e.getBoundingClientRect().height);
    assert.equal(await host.evaluate((e) => typeof e.backchannel), 'undefined');
    await host.scrollIntoViewIfNeeded();
    await readyAll(p, 1);
    await p.evaluate(() => document.querySelector('backchannel-explainer').backchannel.pause());
    const drawn = await host.evaluate((e) => e.getBoundingClientRect().height);
    const off = Math.abs(drawn - reserved) / drawn;
    assert.ok(off < 0.05, `reserved ${reserved}px, drawn ${drawn}px at ${width}px (${(off * 100).toFixed(1)}% off)`);
    await context.close();
  }
});

test("sizes ignore the host page's root font size (62.5 % and 125 %)", async () => {
  const seen = {};
  const shots = {};
  for (const name of ['clean', 'rem-small', 'rem-large']) {
    const { context, page: p } = await openPage(`/t/${name}.html`, { reducedMotion: 'reduce' });
    await readyAll(p, 1);
    await p.waitForTimeout(300);
    const host = p.locator('backchannel-explainer');
    shots[name] = (await host.screenshot()).toString('base64');
    await screenshot(p, `host-${name}`);
    // The computed font size of every element, beat by beat.
    seen[name] = await p.evaluate(async () => {
      const h = document.querySelector('backchannel-explainer');
      // Yew renders after the handle returns: wait for the frame.
      const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
      const sizes = [];
      const kinds = { title: '.bc-title', hint: '.bc-meter-hint', value: '.bc-meter-value', chart: '.bc-chart-svg text' };
      const found = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]));
      let last = '';
      for (let n = 0; n < 20; n++) {
        h.backchannel.goToBeat(n);
        const beat = h.backchannel.state().beat;
        if (beat === last) break;
        last = beat;
        await frame();
        for (const e of h.shadowRoot.querySelectorAll('*')) sizes.push(`${beat} ${e.localName}.${e.getAttribute('class') ?? ''} ${getComputedStyle(e).fontSize}`);
        for (const [k, sel] of Object.entries(kinds)) {
          for (const e of h.shadowRoot.querySelectorAll(sel)) found[k].push(getComputedStyle(e).fontSize);
        }
      }
      return { sizes, found };
    });
    await context.close();
  }
  for (const [kind, sizes] of Object.entries(seen.clean.found)) {
    assert.ok(sizes.length > 0, `the story shows ${kind} text somewhere`);
  }
  assert.equal(seen.clean.found.title[0], '22px');
  for (const name of ['rem-small', 'rem-large']) {
    assert.deepEqual(seen[name].found, seen.clean.found, `${name}: title, hints, meter values and chart text`);
    assert.equal(seen[name].sizes.length, seen.clean.sizes.length, name);
    const differ = seen[name].sizes.filter((s, i) => s !== seen.clean.sizes[i]);
    assert.deepEqual(differ, [], `${name}: every element's font size`);
    const share = await pixelShare(shots.clean, shots[name]);
    assert.ok(!share.sizes, `${name}: sizes differ: ${share.sizes}`);
    assert.ok(share.share < 0.005, `${name}: ${(share.share * 100).toFixed(2)}% of pixels differ`);
  }
});

test('light by default, even for a reader in dark mode; auto and dark are dark cards', async () => {
  for (const scheme of ['dark', 'light']) {
    const { context, page: p, errors } = await openPage('/t/themes.html', { colorScheme: scheme, viewport: { width: 390, height: 6000 } });
    await readyAll(p, 3);
    await p.waitForTimeout(300);
    const look = await looks(p, '.bc-root');
    assert.ok(luminance(look.default.background) > 0.9, `${scheme}: default is light: ${JSON.stringify(look.default)}`);
    assert.ok(luminance(look.default.color) < 0.3, `${scheme}: default ink is dark`);
    assert.ok(luminance(look.dark.background) < 0.15, `${scheme}: theme="dark" is dark: ${JSON.stringify(look.dark)}`);
    assert.ok(look.dark.padding >= 12 && look.dark.radius > 0, `${scheme}: theme="dark" is a card: ${JSON.stringify(look.dark)}`);
    if (scheme === 'dark') {
      assert.ok(luminance(look.auto.background) < 0.15, `auto follows a dark reader: ${JSON.stringify(look.auto)}`);
      assert.ok(look.auto.padding >= 12 && look.auto.radius > 0, `auto in dark is a card: ${JSON.stringify(look.auto)}`);
    } else {
      assert.ok(luminance(look.auto.background) > 0.9, `auto follows a light reader: ${JSON.stringify(look.auto)}`);
    }
    await screenshot(p, `themes-${scheme}-390`);
    if (scheme === 'dark') {
      // Contrast stays AA in both themes, on every beat (light and dark side by side).
      for (let n = 0, last = ''; n < 20; n++) {
        const beat = await p.evaluate((i) => {
          for (const id of ['default', 'auto', 'dark']) document.getElementById(id).backchannel.goToBeat(i);
          return document.getElementById('default').backchannel.state().beat;
        }, n);
        if (beat === last) break;
        last = beat;
        await animationsDone(p);
        const result = await new AxeBuilder({ page: p }).include('backchannel-explainer').withRules(['color-contrast']).analyze();
        const problems = result.violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')} ${node.failureSummary}`));
        assert.deepEqual(problems, [], `contrast on beat ${beat}`);
      }
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("the loader's fallback box follows the same rule: light unless asked", async () => {
  const { context, page: p } = await openPage('/t/themes-far.html', { colorScheme: 'dark', viewport: { width: 390, height: 800 } });
  await p.waitForFunction(() => document.getElementById('dark').shadowRoot?.querySelector('.bc-fallback'));
  await p.waitForTimeout(300);
  assert.equal(await p.evaluate(() => typeof document.getElementById('default').backchannel), 'undefined', 'not started: far below');
  const look = await looks(p, '.bc-fallback');
  assert.ok(luminance(look.default.color) < 0.3, `default fallback has dark ink: ${JSON.stringify(look.default)}`);
  assert.ok(luminance(look.auto.background) < 0.15 && look.auto.padding >= 12, `auto: ${JSON.stringify(look.auto)}`);
  assert.ok(luminance(look.dark.background) < 0.15 && look.dark.padding >= 12, `dark (from the inline config): ${JSON.stringify(look.dark)}`);
  await context.close();
});


test('README iframe code on a phone without a resize script: the message and switch fit, the rest scrolls', async () => {
  assert.ok(README_IFRAME, 'the README has an iframe embed code');
  const height = Number(README_IFRAME.match(/height="(\d+)"/)?.[1]);
  assert.doesNotMatch(README_IFRAME, /scrolling="no"/, 'nothing may be cut off without a script');
  for (const width of [320, 390]) {
    const { context, page: p } = await openPage('/t/readme-iframe.html', { ...PHONE, viewport: { width, height: 844 } });
    const frame = p.frameLocator('iframe');
    await frame.locator('backchannel-explainer[data-backchannel]').waitFor();
    const inner = p.frames().find((f) => f.url().includes('/embed.html'));
    await inner.waitForFunction(() => performance.getEntriesByName('backchannel:ready').length > 0);
    await p.waitForTimeout(300);
    const box = await p.locator('iframe').boundingBox();
    assert.equal(Math.round(box.height), height, 'the iframe keeps the code\'s height');
    // The first screen (the message and its switch) fits; the rest scrolls inside.
    const first = await inner.evaluate(() =>
      document.querySelector('backchannel-explainer').shadowRoot.querySelector('.bc-switch').getBoundingClientRect().bottom,
    );
    assert.ok(first <= height, `${width}px: the message and the switch (to ${first}px) fit the ${height}px frame`);
    const overflow = await inner.evaluate(() => getComputedStyle(document.documentElement).overflowY);
    assert.notEqual(overflow, 'hidden', 'the rest scrolls inside the frame');
    await screenshot(p, `readme-iframe-${width}`);
    await context.close();
  }
});

test('README iframe code with its resize listener on a phone: first height after layout, CLS <= 0.05', async () => {
  assert.ok(README_LISTENER, 'the README has a resize listener');
  const context = await env.browser.newContext(PHONE);
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  await p.addInitScript(() => {
    window.cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await p.goto(env.server.url + '/t/readme-listener.html');
  const inner = await (async () => {
    for (let i = 0; i < 200; i++) {
      const f = p.frames().find((x) => x.url().includes('/embed.html'));
      if (f) return f;
      await p.waitForTimeout(50);
    }
    throw new Error('no iframe');
  })();
  await inner.waitForFunction(() => performance.getEntriesByName('backchannel:ready').length > 0);
  await p.waitForTimeout(2000);
  const { cls, heights } = await p.evaluate(() => ({ cls: window.cls, heights: window.heights }));
  const doc = await inner.evaluate(() => document.documentElement.offsetHeight);
  const frame = await p.locator('iframe').boundingBox();
  console.log(`iframe on a 390x844 phone: heights heard ${heights.join(' -> ')}, CLS ${cls.toFixed(4)}`);
  assert.ok(heights.length > 0, 'the parent heard a height');
  assert.ok(heights[0] >= doc * 0.9, `the first height (${heights[0]}px) is the laid-out explainer's (${doc}px), not the fallback's`);
  assert.ok(Math.abs(frame.height - doc) <= 1, `the iframe (${frame.height}px) follows the document (${doc}px)`);
  assert.ok(cls <= 0.05, `CLS ${cls.toFixed(4)} on a phone`);
  await screenshot(p, 'readme-listener-390');
  assert.deepEqual(errors, []);
  await context.close();
});

test('dist/ ships nothing unoptimised: no hidden folder, the explainer\'s wasm and the pack reader\'s', async () => {
  // dist/npm/ is the npm package's folder (make package), not served.
  const entries = (await readdir(DIST, { recursive: true })).filter((f) => f !== 'npm' && !f.startsWith('npm/'));
  assert.deepEqual(entries.filter((f) => f.split('/').some((part) => part.startsWith('.'))), [], 'hidden files or folders in dist/');
  const wasms = entries.filter((f) => f.endsWith('.wasm'));
  assert.equal(wasms.length, 2, `wasm files: ${wasms}`);
  assert.equal(wasms.filter((f) => /^backchannel-reader-[0-9a-f]{16}_bg\.wasm$/.test(f)).length, 1, `the pack reader's: ${wasms}`);
  // oEmbed consumers get the README's iframe height.
  const oembed = JSON.parse(await readFile(join(DIST, 'oembed.json'), 'utf8'));
  const height = README_IFRAME.match(/height="(\d+)"/)[1];
  assert.equal(String(oembed.height), height);
  assert.match(oembed.html, new RegExp(`height="${height}"`));
});
