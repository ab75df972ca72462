// An element that follows its host: `lang`, `theme`, `scenario`, `pack` and
// `config` changed after mount take effect (and before it, while loading,
// are what it mounts with); `config` and `pack` as properties that take
// objects; refused values say what and why, naming the URL; destroy()
// during the flip leaves nothing of ours running; a div host's data-*.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { harness, open, ready, explainerPage, goToBeatId, ROOT } from './support.js';

const NATO = JSON.parse(readFileSync(join(ROOT, 'www/packs/nato-summit-2025.json'), 'utf8'));
const STORY = NATO.messages.map((m) => m.text);
const unanchored = (re) => new RegExp(re.source.replace(/^\^|\$$/g, ''));
const json = (value) => ({ type: 'application/json', body: JSON.stringify(value) });

// Counts backchannel:ready and keeps every backchannel:error's detail.
const LISTEN = `<script>
  window.readies = 0; window.heard = [];
  addEventListener('backchannel:ready', () => window.readies++);
  addEventListener('backchannel:error', (e) => window.heard.push(e.detail));
</script>`;

const env = harness({
  '/t/plain.html': explainerPage('id="bc"', LISTEN),
  '/t/dark.json': json({ theme: 'dark' }),
  '/t/vi.json': json({ lang: 'vi' }),
  '/t/auto.json': json({ theme: 'auto' }),
  '/t/not-json.json': { type: 'application/json', body: '{ "theme": ' },
  '/t/divs.html': {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">${LISTEN}
<script type="module" src="/backchannel.js"></script></head><body>
<div id="a" data-backchannel data-lang="fr" data-theme="dark" data-scenario="only-rutte"></div>
<div id="b" data-backchannel data-pack="/packs/nato-summit-2025.json" data-config="/t/vi.json"></div>
</body></html>`,
  },
});

const handle = (page, fn, arg) => page.evaluate(([f, a]) => new Function('h', 'el', 'a', f)(document.querySelector('#bc').backchannel, document.querySelector('#bc'), a), [fn, arg]);
const set = (page, name, value) => page.evaluate(([n, v]) => document.querySelector('#bc').setAttribute(n, v), [name, value]);
const readies = (page) => page.evaluate(() => window.readies);
const nextReady = async (page, n) => page.waitForFunction((n) => window.readies > n, n);
const title = (page) => page.locator('#bc .bc-beat-act h2, #bc .bc-beat-act h3').first().textContent();
const bubble = (page) => page.locator('#bc .bc-bubble-text').first().textContent();

/** The scenario the lab shows checked (the state's is the step's own on a story step). */
async function labScenario(page, host = '#bc') {
  await goToBeatId(page, 'lab', host);
  return page.locator(host).locator('input[name=bc-scenario]:checked').getAttribute('value');
}

async function openPlain(options) {
  const opened = await open(env.browser, `${env.server.url}/t/plain.html`, options);
  await ready(opened.page);
  return opened;
}

test('lang after ready: the headings follow, the state keeps the step, the attribute and the screen agree', async () => {
  const { context, page, errors } = await openPlain();
  assert.equal(await title(page), 'Make it public');
  await set(page, 'lang', 'fr');
  await page.locator('#bc .bc-beat-act').getByText('Rendre public').first().waitFor();
  await set(page, 'lang', 'vi-VN');
  await page.waitForFunction(() => document.querySelector('#bc').backchannel.state().lang === 'vi');
  assert.notEqual(await title(page), 'Rendre public');
  assert.equal(await readies(page), 1, 'switched in place, not started over');
  assert.deepEqual(errors, []);
  await context.close();
});

test('theme after ready: the theme class and colours follow, the reader keeps the step and the side', async () => {
  const { context, page, errors } = await openPlain();
  const background = () => page.locator('#bc .bc-root').first().evaluate((e) => getComputedStyle(e).backgroundColor);
  const light = await background();
  await page.locator('#bc').getByRole('switch').first().click();
  const before = await handle(page, 'return h.state()');
  assert.equal(before.public, true);
  await set(page, 'theme', 'dark');
  await page.locator('#bc .bc-root.bc-theme-dark').waitFor();
  assert.notEqual(await background(), light, 'the colours change');
  const after = await handle(page, 'return h.state()');
  assert.equal(after.beat, before.beat);
  assert.equal(after.public, true, 'still public');
  assert.deepEqual(errors, []);
  await context.close();
});

test('scenario after ready: the lab shows it; an unknown one is refused on screen, in the console and the event, and a good one shows again', async () => {
  const { context, page, errors } = await openPlain();
  await goToBeatId(page, 'lab', '#bc');
  await set(page, 'scenario', 'only-rutte');
  assert.equal(await labScenario(page), 'only-rutte');
  await set(page, 'scenario', 'no-such-scenario');
  await page.locator('#bc').getByRole('alert').getByText(/unknown scenario "no-such-scenario"/).waitFor();
  const heard = await page.evaluate(() => window.heard);
  assert.equal(heard.at(-1).field, 'scenario');
  assert.ok(errors.some((e) => /scenario.*no-such-scenario/.test(e)), errors.join('\n'));
  const n = await readies(page);
  await set(page, 'scenario', 'only-macron');
  await nextReady(page, n);
  assert.equal(await labScenario(page), 'only-macron');
  await context.close();
});

test("pack and config after ready: another story, another config; URLs that do not load are refused naming the URL and the cause", async () => {
  const { context, page, errors } = await openPlain();
  const builtin = await bubble(page);
  let n = await readies(page);
  await set(page, 'pack', '/packs/nato-summit-2025.json');
  await nextReady(page, n);
  assert.ok(STORY.includes(await bubble(page)), 'a message of the pack');
  assert.notEqual(await bubble(page), builtin);
  assert.deepEqual((await handle(page, 'return h.scenarios()')).map((s) => s.id), ['posted', 'kept-private']);
  n = await readies(page);
  await set(page, 'config', '/t/dark.json');
  await nextReady(page, n);
  await page.locator('#bc .bc-root.bc-theme-dark').waitFor();
  assert.ok(STORY.includes(await bubble(page)), 'the pack stays');
  assert.deepEqual(errors, []);
  for (const [name, url, cause] of [
    ['pack', '/t/no-such-pack.json', /^pack: could not load \/t\/no-such-pack\.json \(HTTP 404\)$/],
    ['config', '/t/not-json.json', /^config: \/t\/not-json\.json is not JSON \(.+\)$/],
    ['config', 'http://127.0.0.2:9/x.json', /^config: http:\/\/127\.0\.0\.2:9\/x\.json is on another origin/],
  ]) {
    const heard = (await page.evaluate(() => window.heard)).length;
    await set(page, name, url);
    await page.waitForFunction((h) => window.heard.length > h, heard);
    const detail = (await page.evaluate(() => window.heard)).at(-1);
    assert.match(detail.message, cause);
    assert.equal(detail.field, name);
    assert.match(await page.locator('#bc').getByRole('alert').textContent(), unanchored(cause), 'on screen');
    assert.ok(errors.some((e) => cause.test(e.replace(/^backchannel: /, ''))), `in the console: ${errors.join('\n')}`);
  }
  // Fixed, it shows again.
  n = await readies(page);
  await page.evaluate(() => {
    const el = document.querySelector('#bc');
    el.setAttribute('pack', '/packs/nato-summit-2025.json');
    el.setAttribute('config', '/t/dark.json');
  });
  await nextReady(page, n);
  assert.ok(STORY.includes(await bubble(page)));
  await context.close();
});

test('config and pack as properties: objects are used as they are, strings are URLs, anything else is refused naming the property', async () => {
  const requests = [];
  const { context, page, errors } = await openPlain({ prepare: (p) => p.on('request', (r) => requests.push(r.url())) });
  let n = await readies(page);
  await page.evaluate(async () => {
    const el = document.querySelector('#bc');
    el.pack = await (await fetch('/packs/nato-summit-2025.json')).json();
    el.config = { lang: 'fr', theme: 'dark' };
  });
  await nextReady(page, n);
  await page.locator('#bc .bc-root.bc-theme-dark').waitFor();
  assert.deepEqual((await handle(page, 'return h.scenarios()')).map((s) => s.id), ['posted', 'kept-private']);
  assert.equal((await handle(page, 'return h.state()')).lang, 'fr');
  assert.equal(await page.evaluate(() => typeof document.querySelector('#bc').config), 'object', 'the property reads back the object');
  assert.equal(await page.evaluate(() => document.querySelector('#bc').hasAttribute('config')), false, 'no attribute');
  // A string is a URL, as the attribute.
  n = await readies(page);
  await page.evaluate(() => (document.querySelector('#bc').config = '/t/auto.json'));
  await nextReady(page, n);
  assert.equal(await page.evaluate(() => document.querySelector('#bc').getAttribute('config')), '/t/auto.json');
  await page.locator('#bc .bc-root.bc-theme-auto').waitFor();
  assert.deepEqual(errors, []);
  for (const [script, cause] of [
    ["el.config = 42", /^config: the config property takes an object or a URL, not a number$/],
    ["const o = {}; o.o = o; el.pack = o", /^pack: the pack property cannot be read as JSON \([^]+\)$/],
    ["el.setAttribute('config', {})", /^config: "\[object Object\]" is not a URL: an object goes in the element's config property$/],
  ]) {
    const heard = (await page.evaluate(() => window.heard)).length;
    await handle(page, script);
    await page.waitForFunction((h) => window.heard.length > h, heard);
    assert.match((await page.evaluate(() => window.heard)).at(-1).message, cause);
    assert.match(await page.locator('#bc').getByRole('alert').textContent(), unanchored(cause), 'on screen');
    assert.ok(errors.some((e) => cause.test(e.replace(/^backchannel: /, ''))), `in the console: ${errors.join('\n')}`);
    await handle(page, "el.config = undefined; el.pack = undefined");
  }
  assert.ok(!requests.some((u) => u.includes('object%20Object') || u.includes('[object')), 'nothing fetched as "[object Object]"');
  await context.close();
});

test('changes made while loading are what it mounts with', async () => {
  let release;
  const gate = new Promise((ok) => (release = ok));
  const { context, page, errors } = await open(env.browser, `${env.server.url}/t/plain.html`, {
    prepare: (p) =>
      p.route('**/*.wasm', async (route) => {
        await gate;
        await route.continue();
      }),
  });
  await page.waitForFunction(() => document.querySelector('#bc').shadowRoot?.querySelector('.bc-hold, .bc-pre'));
  await page.evaluate(async () => {
    const el = document.querySelector('#bc');
    el.setAttribute('lang', 'fr');
    el.setAttribute('scenario', 'only-rutte');
    el.config = { theme: 'dark' };
    el.setAttribute('pack', '/packs/nato-summit-2025.json');
    await new Promise((ok) => setTimeout(ok, 100));
    el.setAttribute('scenario', 'posted');
  });
  release();
  await ready(page);
  assert.equal((await handle(page, 'return h.state()')).lang, 'fr');
  await page.locator('#bc .bc-root.bc-theme-dark').waitFor();
  assert.equal(await labScenario(page), 'posted');
  assert.deepEqual((await handle(page, 'return h.scenarios()')).map((x) => x.id), ['posted', 'kept-private']);
  assert.equal(await readies(page), 1, 'mounted once');
  assert.deepEqual(errors, []);
  await context.close();
});

test('destroy() during the flip cancels the morph: no animation, animation frame or error of ours afterwards', async () => {
  const { context, page, errors } = await openPlain();
  await page.evaluate(() => {
    window.ourFrames = 0;
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (f) => raf((t) => (window.ourFrames++, f(t)));
  });
  await page.locator('#bc').getByRole('switch').first().click();
  const running = await page.evaluate(async () => {
    const el = document.querySelector('#bc');
    await new Promise((ok) => setTimeout(ok, 80));
    window.anims = el.shadowRoot.getAnimations();
    const running = window.anims.filter((a) => a.playState === 'running').length;
    el.backchannel.destroy();
    window.ourFramesAtDestroy = window.ourFrames;
    return running;
  });
  assert.ok(running > 0, 'the morph was running when destroy() was called');
  await page.waitForTimeout(800);
  const after = await page.evaluate(() => ({
    states: [...new Set(window.anims.map((a) => a.playState))],
    frames: window.ourFrames - window.ourFramesAtDestroy,
    children: document.querySelector('#bc').shadowRoot.childNodes.length,
    handle: 'backchannel' in document.querySelector('#bc'),
  }));
  assert.deepEqual(after.states, ['idle'], 'every animation cancelled, none finished on its own');
  assert.equal(after.frames, 0, 'no animation frame of ours ran after destroy()');
  assert.equal(after.children, 0);
  assert.equal(after.handle, false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a div host reads data-lang, data-theme, data-scenario, data-pack and data-config', async () => {
  const { context, page, errors } = await open(env.browser, `${env.server.url}/t/divs.html`);
  await page.waitForFunction(() => window.readies >= 1);
  await page.locator('#b').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => window.readies >= 2);
  const a = await page.evaluate(() => document.querySelector('#a').backchannel.state());
  assert.equal(a.lang, 'fr');
  assert.equal(await labScenario(page, '#a'), 'only-rutte');
  await page.evaluate(() => document.querySelector('#a').backchannel.goToBeat(0));
  await page.locator('#a .bc-root.bc-theme-dark').waitFor();
  await page.locator('#a .bc-beat-act').getByText('Rendre public').first().waitFor();
  const b = await page.evaluate(() => ({ state: document.querySelector('#b').backchannel.state(), scenarios: document.querySelector('#b').backchannel.scenarios() }));
  assert.equal(b.state.lang, 'vi');
  assert.deepEqual(b.scenarios.map((s) => s.id), ['posted', 'kept-private']);
  assert.deepEqual(errors, []);
  await context.close();
});
