// Story packs as a newsroom page uses them: both shipped packs through every
// beat with axe; `pack=` as an attribute, in a config and on the iframe;
// loadPack(); refused packs that leave the host page working; and the
// built-in pack served as a file, pixel-identical to the compiled-in one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { ROOT, open, ready, screenshot, state, harness } from './support.js';

const page = (body) => ({
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Pack test</title><link rel="icon" href="data:,"><script type="module" src="/backchannel.js"></script></head><body><main>${body}</main></body></html>`,
});

// A host button whose clicks a test counts: the page keeps working.
const HOST_BUTTON = '<button id="host-button" type="button">Host</button><output id="host-count">0</output><script type="module" src="/host-count.js"></script>';

// The built-in pack as the explainer reads it, written back out by the
// native code (every default filled in): what "serialised and loaded back"
// means in the round-trip test below.
const printed = execFileSync('cargo', ['run', '--quiet', '--bin', 'validate-pack', '--', '--print', join(ROOT, 'www/packs/greenland-2026.json')], {
  cwd: ROOT,
  encoding: 'utf8',
});

const env = harness({
  '/nato.html': page('<backchannel-explainer pack="packs/nato-summit-2025.json"></backchannel-explainer>'),
  '/builtin.html': page('<backchannel-explainer></backchannel-explainer>'),
  '/external.html': page('<backchannel-explainer pack="packs/greenland-2026.json"></backchannel-explainer>'),
  '/roundtrip.html': page('<backchannel-explainer pack="/roundtrip.json"></backchannel-explainer>'),
  '/roundtrip.json': { type: 'application/json', body: printed },
  '/config.html': page('<backchannel-explainer><script type="application/json">{"pack": "packs/nato-summit-2025.json", "beats": ["act", "lab"]}</script></backchannel-explainer>'),
  '/broken.html': page(`${HOST_BUTTON}<backchannel-explainer pack="/broken-pack.json"></backchannel-explainer>`),
  '/missing.html': page(`${HOST_BUTTON}<backchannel-explainer pack="/no-such-pack.json"></backchannel-explainer>`),
  '/elsewhere.html': page(`${HOST_BUTTON}<backchannel-explainer pack="http://localhost:9/pack.json"></backchannel-explainer>`),
  '/load.html': page(`${HOST_BUTTON}<backchannel-explainer></backchannel-explainer>`),
  '/broken-pack.json': { type: 'application/json', body: JSON.stringify({ ...JSON.parse(readFileSync(join(ROOT, 'www/packs/nato-summit-2025.json'), 'utf8')), beats: [] }) },
  '/host-count.js': {
    type: 'text/javascript',
    body: "const out = document.querySelector('#host-count'); document.querySelector('#host-button').addEventListener('click', () => { out.textContent = String(Number(out.textContent) + 1); }); window.errors = []; document.addEventListener('backchannel:error', (e) => window.errors.push(e.detail));",
  },
});

const handle = (page, method, ...args) =>
  page.evaluate(([m, a]) => document.querySelector('[data-backchannel]').backchannel[m](...a), [method, args]);

const beatIds = (file) => JSON.parse(readFileSync(join(ROOT, 'www/packs', file), 'utf8')).beats.map((b) => b.id);

for (const [file, url] of [
  ['nato-summit-2025.json', '/nato.html'],
  ['greenland-2026.json', '/external.html'],
]) {
  test(`${file} plays through every beat it declares, axe-clean at 390 and 1280 px`, async () => {
    const ids = beatIds(file);
    for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      const { context, page, errors } = await open(env.browser, env.server.url + url, { viewport });
      await page.locator('backchannel-explainer').scrollIntoViewIfNeeded();
      await ready(page);
      await handle(page, 'setPublic', true);
      for (const [n, id] of ids.entries()) {
        await handle(page, 'goToBeat', n);
        await page.locator(`.bc-beat-${id}`).waitFor();
        await handle(page, 'setPublic', true);
        await handle(page, 'pause');
        await page.waitForTimeout(500);
        assert.equal((await state(page)).beat, id);
        const result = await new AxeBuilder({ page }).include('[data-backchannel]').analyze();
        assert.deepEqual(
          result.violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target).join(' ')}`),
          [],
          `axe on ${file} beat ${id} at ${viewport.width}px`,
        );
        if (file.startsWith('nato')) await screenshot(page, `pack-nato-${id}-${viewport.width}`);
      }
      assert.deepEqual(errors, []);
      await context.close();
    }
  });
}

test('the NATO pack tells its own story: its message, scenarios and senders', async () => {
  const { context, page, errors } = await open(env.browser, env.server.url + '/nato.html');
  await ready(page);
  const bubble = page.locator('.bc-bubble-text');
  assert.match(await bubble.textContent(), /Safe travels and see you at His Majesty's dinner!/);
  const scenarios = await handle(page, 'scenarios');
  assert.deepEqual(scenarios.map((s) => s.id), ['posted', 'kept-private']);
  assert.deepEqual(scenarios[0].events, [{ day: 30, sender: 0, sensitivity: 0.1 }]);
  await page.getByRole('switch', { name: 'Make it public' }).click();
  const s = await state(page);
  assert.equal(s.public, true);
  assert.equal(s.scenario, 'posted');
  assert.ok(s.outputs.compromise < 0.66 && s.outputs.compromise > 0.4, `a harmless text moves compromise little: ${s.outputs.compromise}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a pack named in a config, and on the iframe page', async () => {
  const { context, page, errors } = await open(env.browser, env.server.url + '/config.html');
  await ready(page);
  assert.deepEqual((await state(page)).beat, 'act');
  assert.equal(await page.locator('.bc-step').count(), 2, 'the config keeps two beats');
  assert.match(await page.locator('.bc-bubble-text').textContent(), /Safe travels/);
  assert.deepEqual(errors, []);
  await context.close();

  const frame = await open(env.browser, `${env.server.url}/embed.html?pack=packs/nato-summit-2025.json`);
  await ready(frame.page);
  assert.match(await frame.page.locator('.bc-bubble-text').textContent(), /Safe travels/);
  assert.deepEqual(frame.errors, []);
  await frame.context.close();
});

test('loadPack tells another story; a refused one says why and a later good one recovers', async () => {
  const { context, page } = await open(env.browser, env.server.url + '/load.html');
  await ready(page);
  const nato = readFileSync(join(ROOT, 'www/packs/nato-summit-2025.json'), 'utf8');
  // A promise: the pack reader (its own wasm, loaded now) checks the pack
  // first; it resolves once the explainer has taken the story, and
  // backchannel:ready follows when it shows.
  const loaded = await page.evaluate(async (text) => {
    window.readies = 0;
    const el = document.querySelector('backchannel-explainer');
    el.addEventListener('backchannel:ready', () => window.readies++);
    const done = el.backchannel.loadPack(JSON.parse(text));
    const promise = done instanceof Promise;
    return { promise, resolved: (await done) === undefined };
  }, nato);
  assert.deepEqual(loaded, { promise: true, resolved: true });
  await page.waitForFunction(() => window.readies === 1);
  assert.match(await page.locator('.bc-bubble-text').textContent(), /Safe travels/);
  const refused = await page.evaluate(async (text) => {
    const pack = JSON.parse(text);
    pack.messages[0].sensitivity = 3;
    try {
      await document.querySelector('backchannel-explainer').backchannel.loadPack(pack);
      return 'accepted';
    } catch (e) {
      return e.message;
    }
  }, nato);
  assert.match(refused, /^pack\.messages\[0\]\.sensitivity: 3 is outside 0 to 1/);
  await page.locator('.bc-failure').waitFor();
  assert.match(await page.locator('.bc-failure').textContent(), /messages\[0\]\.sensitivity/);
  assert.deepEqual(await page.evaluate(() => window.errors.map((e) => e.field)), ['pack.messages[0].sensitivity']);
  await page.locator('#host-button').click();
  assert.equal(await page.locator('#host-count').textContent(), '1', 'the host page keeps working');
  await page.evaluate((text) => document.querySelector('backchannel-explainer').backchannel.loadPack(JSON.parse(text)), nato);
  await page.waitForFunction(() => window.readies === 2);
  assert.equal(await page.locator('.bc-failure').count(), 0);
  await context.close();
});

test('a pack reader that does not load: loadPack is refused in the element, the console and the event, naming the file; a later try loads it', async () => {
  let fail = true;
  const { context, page, errors } = await open(env.browser, env.server.url + '/load.html', {
    prepare: (p) => p.route('**/backchannel-reader-*_bg.wasm', (r) => (fail ? r.fulfill({ status: 404, body: '' }) : r.continue())),
  });
  await ready(page);
  const nato = readFileSync(join(ROOT, 'www/packs/nato-summit-2025.json'), 'utf8');
  const load = () =>
    page.evaluate(async (text) => {
      try {
        await document.querySelector('backchannel-explainer').backchannel.loadPack(JSON.parse(text));
        return 'accepted';
      } catch (e) {
        return e.message;
      }
    }, nato);
  const cause = /^pack: the story pack could not be read \(could not load \/backchannel-reader-[0-9a-f]{16}_bg\.wasm \(HTTP 404\)\)$/;
  assert.match(await load(), cause);
  await page.locator('.bc-failure').waitFor();
  assert.match(await page.locator('.bc-failure').textContent(), /could not load \/backchannel-reader-/);
  assert.deepEqual(await page.evaluate(() => window.errors.map((e) => e.field)), ['pack']);
  assert.ok(errors.some((e) => cause.test(e.replace(/^backchannel: /, ''))), `in the console: ${errors.join('\n')}`);
  fail = false;
  assert.equal(await load(), 'accepted');
  await page.locator('.bc-bubble-text', { hasText: 'Safe travels' }).waitFor();
  await context.close();
});

for (const [url, field, text] of [['/broken.html', 'pack.beats', /beats: needs at least one beat/]]) {
  test(`a refused pack (${url}) shows why, tells the page, and leaves it working`, async () => {
    const { context, page, errors } = await open(env.browser, env.server.url + url);
    await page.locator('backchannel-explainer .bc-failure, backchannel-explainer >> .bc-failure').first().waitFor();
    assert.match(await page.locator('.bc-failure').textContent(), text);
    assert.deepEqual(await page.evaluate(() => window.errors.map((e) => e.field)), [field]);
    assert.ok(errors.some((e) => e.startsWith('backchannel: ')), 'the console says so');
    await page.locator('#host-button').click();
    assert.equal(await page.locator('#host-count').textContent(), '1');
    await context.close();
  });
}

// A pack URL that does not load is the page's set-up at fault: the console
// and backchannel:error say why; the reader keeps the fallback, which says
// the explainer could not start, and never the developer's message.
for (const [url, text] of [
  ['/missing.html', /^pack: could not load \/no-such-pack\.json \(HTTP 404\)$/],
  ['/elsewhere.html', /^pack: http:\/\/localhost:9\/pack\.json is on another origin/],
]) {
  test(`a pack that does not load (${url}) tells the console and the page, not the reader, and leaves the page working`, async () => {
    const { context, page, errors } = await open(env.browser, env.server.url + url);
    await page.waitForFunction(() => window.errors.length > 0);
    const heard = await page.evaluate(() => window.errors);
    assert.equal(heard.length, 1);
    assert.equal(heard[0].field, 'pack');
    assert.match(heard[0].message, text);
    assert.ok(errors.some((e) => e.startsWith('backchannel: pack: ')), 'the console says so');
    const shown = await page.evaluate(() => {
      const root = document.querySelector('backchannel-explainer').shadowRoot;
      return { text: root.textContent, failures: root.querySelectorAll('.bc-failure, [role=alert]').length };
    });
    assert.equal(shown.failures, 0, 'no error box in the article');
    assert.doesNotMatch(shown.text, /could not load|HTTP|origin|pack\.json/, shown.text);
    const words = JSON.parse(readFileSync(join(ROOT, 'www/locales/en.json'), 'utf8'));
    assert.equal(shown.text.trim(), words['fallback.plain'], 'the reader reads that it could not start');
    await page.locator('#host-button').click();
    assert.equal(await page.locator('#host-count').textContent(), '1');
    await context.close();
  });
}

test('the built-in pack, written out and loaded back as an external pack, renders identically', async () => {
  assert.match(printed, /"weight": 1\.0/, 'the written-out pack has its defaults filled in');
  const shots = {};
  const states = {};
  for (const [name, url] of [['builtin', '/builtin.html'], ['external', '/roundtrip.html'], ['file', '/external.html']]) {
    const { context, page, errors } = await open(env.browser, env.server.url + url, { viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
    await ready(page);
    await handle(page, 'setPublic', true);
    await handle(page, 'seek', 300);
    await page.waitForTimeout(300);
    states[name] = await state(page);
    shots[name] = await page.locator('backchannel-explainer').screenshot();
    await screenshot(page, `pack-roundtrip-${name}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
  assert.deepEqual(states.external, states.builtin);
  assert.deepEqual(states.file, states.builtin);
  assert.ok(shots.builtin.equals(shots.external), 'the written-out pack renders differently');
  assert.ok(shots.builtin.equals(shots.file), 'the pack file renders differently');
});
