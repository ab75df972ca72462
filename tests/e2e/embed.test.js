// Embedding as newsroom pages do it: the iframe embed and its height
// messages, several script embeds on one page, a hostile host stylesheet, a
// strict Content-Security-Policy, same-origin requests only, and bad configs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { screenshot, ROOT, harness } from './support.js';

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";
const pym = await readFile(join(ROOT, 'node_modules/pym.js/dist/pym.v1.min.js'), 'utf8');
const page = (body, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page</title>` +
  `<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">${head}</head><body>${body}</body></html>`;
const LOADER = '<script type="module" src="/backchannel.js"></script>';
const js = (body) => ({ body, type: 'text/javascript; charset=utf-8' });
const css = (body) => ({ body, type: 'text/css; charset=utf-8' });

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
        '<backchannel-explainer id="missing" config="/t/no-such-config.json"></backchannel-explainer>' +
        '<backchannel-explainer id="good" config="/t/good-config.json"></backchannel-explainer>' +
        '<script src="/t/host.js"></script>' +
        LOADER,
    ),
  },
  '/t/far.html': {
    body: page(
      '<h1>far below</h1><div class="spacer"></div><backchannel-explainer scenario="only-macron" autoplay></backchannel-explainer><div class="spacer"></div>' + LOADER,
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
  await inner.evaluate(() => document.querySelector('backchannel-explainer').backchannel.goToBeat(6));
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
  await p.evaluate(() => {
    const a = document.getElementById('a').backchannel;
    a.goToBeat(2);
    a.setPublic(true);
  });
  await p.locator('#a').getByRole('switch', { name: 'Make it public' }).waitFor();
  const states = await p.evaluate(() => ['a', 'b', 'c'].map((id) => document.getElementById(id).backchannel.state()));
  assert.equal(states[0].public, true);
  assert.equal(states[0].beat, 'act');
  for (const s of states.slice(1)) {
    assert.equal(s.public, false);
    assert.equal(s.beat, 'pillars');
    assert.equal(s.scenario, 'kept-private');
  }
  await p.locator('#b').getByRole('button', { name: 'Next', exact: true }).click();
  const after = await p.evaluate(() => ['a', 'b', 'c'].map((id) => document.getElementById(id).backchannel.state().beat));
  assert.deepEqual(after, ['act', 'message', 'pillars']);
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
  }, { a: shots.clean, b: shots.hostile });
  assert.ok(!diff.sizes, `sizes differ: ${diff.sizes}`);
  assert.ok(diff.share < 0.005, `${(diff.share * 100).toFixed(2)}% of pixels differ`);
  await context.close();
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
  await p.getByRole('button', { name: 'Next', exact: true }).click();
  await p.getByRole('button', { name: 'Next', exact: true }).click();
  await p.getByRole('switch', { name: 'Make it public' }).click();
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
  for (let n = 0; n < 7; n++) {
    await p.evaluate((i) => document.querySelector('[data-backchannel]').backchannel.goToBeat(i), n);
    if (n === 2) await p.evaluate(() => document.querySelector('[data-backchannel]').backchannel.setPublic(true));
    await p.waitForTimeout(300);
  }
  const foreign = requests.filter((u) => !u.startsWith(env.server.url) && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.ok(requests.some((u) => u.endsWith('.wasm')));
  await context.close();
});

test('each malformed config shows a readable error and an event, and the host page keeps working', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 8000 } });
  const p = await context.newPage();
  await p.addInitScript(() => {
    window.errorsHeard = [];
    addEventListener('backchannel:error', (e) => window.errorsHeard.push({ id: e.target.id, ...e.detail }));
  });
  const consoleErrors = [];
  p.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await p.goto(env.server.url + '/t/configs.html');
  await p.waitForFunction(() => window.errorsHeard.length >= 5 && document.getElementById('good').backchannel);
  const heard = await p.evaluate(() => window.errorsHeard);
  const byId = Object.fromEntries(heard.map((e) => [e.id, e]));
  const expect = {
    syntax: /config: not valid JSON/,
    types: /config\.autoplay: must be true or false/,
    scenario: /config\.scenario: unknown scenario "what-if"/,
    range: /config\.params\.gamma: 7 is outside its range/,
    missing: /could not load \/t\/no-such-config\.json \(HTTP 404\)/,
  };
  for (const [id, pattern] of Object.entries(expect)) {
    assert.match(byId[id]?.message ?? '', pattern, id);
    const shown = await p.locator(`#${id}`).getByRole('alert').textContent();
    assert.match(shown, pattern, `${id} shows the error in the element`);
    assert.ok(consoleErrors.some((c) => pattern.test(c)), `${id} is in the console`);
  }
  assert.equal(byId.range.field, 'config.params.gamma');
  const good = await p.evaluate(() => document.getElementById('good').backchannel.state());
  assert.equal(good.scenario, 'only-rutte');
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
  await p.evaluate(() => {
    const h = document.querySelector('[data-backchannel]').backchannel;
    h.goToBeat(2);
    h.setPublic(true);
    h.selectScenario('only-rutte');
    h.goToBeat(6);
  });
  const names = (await p.evaluate(() => window.heard)).map(([n, d]) => `${n} ${d}`);
  assert.deepEqual(names, [
    'ready null',
    'scenario {"scenario":"only-macron"}',
    'public {"message":"macron","public":true}',
    'scenario {"scenario":"only-rutte"}',
    'public {"message":"macron","public":false}',
    'complete {"beat":"lab"}',
  ]);
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
  await p.waitForFunction(() => document.querySelector('backchannel-explainer').backchannel.state().day > 5);
  assert.equal((await state()).playing, true, 'autoplay runs on screen');
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
