// The single-file build (make standalone): dist/backchannel-standalone.html
// opened from disk (file://), with no server: the main interaction works
// (make public, play, change scenario, change language), with no network
// request and no console error; presenter extras enlarge it and change step
// with a clicker's keys.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, state, screenshot, ROOT, DIST } from './support.js';

const FILE = pathToFileURL(join(DIST, 'backchannel-standalone.html')).href;
const fr = JSON.parse(await readFile(join(ROOT, 'www/locales/fr.json'), 'utf8'));
let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

/** Opens the file, recording every request that is not the file itself or inline data. */
async function openFile(query = '', options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const errors = [];
  const network = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('blob:') && !url.startsWith('data:') && url !== FILE + query) network.push(url);
  });
  await page.goto(FILE + query);
  await page.waitForFunction(() => performance.getEntriesByName('backchannel:ready').length > 0);
  return { context, page, errors, network };
}

test('opened from disk: make public, play, another scenario, another language; no request, no error', async () => {
  const { context, page, errors, network } = await openFile();
  assert.ok(FILE.startsWith('file://'));
  await page.getByRole('switch').click();
  assert.equal((await state(page)).public, true);
  await page.evaluate(() => document.querySelector('backchannel-explainer').backchannel.play());
  await page.waitForFunction(() => document.querySelector('backchannel-explainer').backchannel.state().day > 220);
  const h = (m, ...a) => page.evaluate(([m, a]) => document.querySelector('backchannel-explainer').backchannel[m](...a), [m, a]);
  await h('pause');
  // The lab (the last step) shows the scenario chosen.
  await h('goToBeat', 99);
  await page.locator('.bc-lab input[type=radio][value="only-rutte"], .bc-lab input[type=radio]').first().waitFor();
  await h('selectScenario', 'only-rutte');
  assert.equal((await state(page)).scenario, 'only-rutte');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await page.locator('.bc-title', { hasText: fr['explainer.title'] }).waitFor();
  await screenshot(page, 'standalone-1280', { fullPage: false });
  assert.deepEqual(network, [], 'nothing fetched');
  assert.deepEqual(errors, []);
  await context.close();
});

test('opened from disk: a story pack of ones own (loadPack) is read by the inline pack reader; no request, no error', async () => {
  // The built-in pack as a host's own (the page asks for one of its
  // scenarios), read and checked by the pack reader inlined in the file.
  const pack = JSON.parse(await readFile(join(ROOT, 'www/packs/greenland-2026.json'), 'utf8'));
  const { context, page, errors, network } = await openFile();
  await page.evaluate(async (pack) => {
    const el = document.querySelector('backchannel-explainer');
    const ready = new Promise((ok) => el.addEventListener('backchannel:ready', ok, { once: true }));
    await el.backchannel.loadPack(pack);
    await ready;
  }, pack);
  assert.equal(await page.locator('.bc-bubble-text').first().textContent(), pack.messages[0].text);
  assert.deepEqual(network, [], 'nothing fetched');
  assert.deepEqual(errors, []);
  await context.close();
});

test('presenter: ?present enlarges it, P toggles, PageDown/PageUp and the arrows change step', async () => {
  const { context, page, errors } = await openFile('?present');
  const host = page.locator('backchannel-explainer');
  assert.equal(await host.getAttribute('present'), '');
  const zoom = () => page.evaluate(() => getComputedStyle(document.querySelector('backchannel-explainer')).zoom);
  assert.equal(await zoom(), '1.5');
  await screenshot(page, 'standalone-present-1280', { fullPage: false });
  const beat = async () => (await state(page)).beat;
  const first = await beat();
  await page.keyboard.press('PageDown');
  const second = await beat();
  assert.notEqual(second, first, 'PageDown: the next step');
  await page.keyboard.press('ArrowRight');
  assert.notEqual(await beat(), second, 'ArrowRight outside a control: the next step');
  await page.keyboard.press('PageUp');
  assert.equal(await beat(), second, 'PageUp: back');
  await page.keyboard.press('p');
  assert.equal(await host.getAttribute('present'), null, 'P turns it off');
  assert.equal(await zoom(), '1');
  assert.deepEqual(errors, []);
  await context.close();
});
