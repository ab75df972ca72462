// The story pack editor (dist/pack-editor.html): it lists exactly the paths
// validate-pack names for every broken pack of tests/fixtures/broken-packs.json,
// selects a problem's place in the text, previews a sound pack, works by
// keyboard and is axe-clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { ROOT, open, screenshot, harness } from './support.js';

const env = harness();
const builtin = JSON.parse(readFileSync(join(ROOT, 'www/packs/greenland-2026.json'), 'utf8'));
const { cases } = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/broken-packs.json'), 'utf8'));

/** The value at a path of keys and indices. */
const get = (doc, path) => path.reduce((at, step) => at[step], doc);

/** The fixture's edits, as tests/packs.rs applies them. */
function broken(edits) {
  const doc = structuredClone(builtin);
  for (const e of edits) {
    const parent = get(doc, e.path.slice(0, -1));
    const last = e.path.at(-1);
    if (e.remove) {
      if (Array.isArray(parent)) parent.splice(last, 1);
      else delete parent[last];
    } else {
      parent[last] = e.copy ? structuredClone(get(doc, e.copy)) : e.value;
    }
  }
  return JSON.stringify(doc, null, 2);
}

async function openEditor(viewport = { width: 1280, height: 900 }) {
  const opened = await open(env.browser, `${env.server.url}/pack-editor.html`, { viewport });
  await opened.page.locator('#status.is-ok').waitFor();
  return opened;
}

/** Puts text in the editor and waits for the check of exactly that text. */
async function type(page, text) {
  await page.locator('#pack-text').fill(text);
  await page.waitForFunction(() => {
    const checked = document.querySelector('#pack-text').dataset.checked;
    return checked !== undefined && checked !== 'stale';
  });
}

/** What validate-pack prints for a pack, one `path: problem` per line. */
function validatePack(text) {
  const dir = mkdtempSync(join(tmpdir(), 'backchannel-editor-'));
  const file = join(dir, 'pack.json');
  writeFileSync(file, text);
  try {
    execFileSync('cargo', ['run', '--quiet', '--bin', 'validate-pack', '--', file], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    return [];
  } catch (e) {
    return e.stderr.trim().split('\n').filter((l) => !l.startsWith(file));
  } finally {
    rmSync(dir, { recursive: true });
  }
}

/** Where serde_json saw the problem is not known in the browser (it reads a JS value). */
const withoutPlace = (line) => line.replace(/ \(line \d+, column \d+\)$/, '');

test('the editor lists the same problems as validate-pack for every broken pack', async () => {
  const { context, page, errors } = await openEditor();
  assert.match(await page.locator('#status').textContent(), /^No problems\. greenland-2026: 6 senders/);
  for (const c of cases) {
    const text = broken(c.edits);
    await type(page, text);
    const paths = await page.locator('#problems button').allTextContents();
    // The table's order is that of a pack whose keys serde_json sorted
    // (tests/packs.rs); this text keeps the file's order, which the editor
    // follows, as validate-pack does on the same text (checked just below).
    assert.deepEqual([...paths].sort(), [...c.expect].sort(), c.name);
    const shown = await page.locator('#problems li').evaluateAll((items) =>
      items.map((li) => `${li.querySelector('button').textContent}:${li.textContent.slice(li.querySelector('button').textContent.length)}`),
    );
    assert.deepEqual(shown, validatePack(text).map(withoutPlace), `${c.name}: the same messages as validate-pack`);
    const n = c.expect.length;
    assert.equal(await page.locator('#status').textContent(), n === 1 ? '1 problem.' : `${n} problems.`, c.name);
  }
  await screenshot(page, 'editor-problems-1280');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a problem selects its place in the text; the preview keeps the last sound pack', async () => {
  const { context, page, errors } = await openEditor();
  const preview = page.locator('#preview');
  await preview.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('#preview').backchannel);
  const doc = structuredClone(builtin);
  doc.beats[3].message = 'rutte-2027';
  await type(page, JSON.stringify(doc, null, 2));
  await page.locator('#problems button', { hasText: 'beats[3].message' }).click();
  const selected = await page.evaluate(() => {
    const t = document.querySelector('#pack-text');
    return { text: t.value.slice(t.selectionStart, t.selectionEnd), focused: document.activeElement === t };
  });
  assert.equal(selected.text, '"message": "rutte-2027"');
  assert.ok(selected.focused, 'the text has the focus');
  // A missing field selects the object that lacks it.
  const lacking = structuredClone(builtin);
  delete lacking.messages[1].source;
  await type(page, JSON.stringify(lacking, null, 2));
  await page.locator('#problems button', { hasText: 'messages[1].source' }).click();
  const span = await page.evaluate(() => {
    const t = document.querySelector('#pack-text');
    return t.value.slice(t.selectionStart, t.selectionEnd);
  });
  assert.ok(span.startsWith('{') && span.includes('"id": "rutte"'), span.slice(0, 80));
  // The preview still shows the built-in story: the last sound pack.
  assert.match(await preview.locator('.bc-bubble-text').textContent(), /Greenland/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('load the NATO pack: no problems, and the preview tells its story', async () => {
  const { context, page, errors } = await openEditor({ width: 390, height: 844 });
  await page.locator('#shipped').selectOption('packs/nato-summit-2025.json');
  await page.locator('#load-shipped').click();
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('No problems. nato-summit-2025'));
  await page.locator('#preview').scrollIntoViewIfNeeded();
  await page.locator('#preview .bc-bubble-text', { hasText: 'Safe travels' }).waitFor();
  await screenshot(page, 'editor-nato-390');
  assert.deepEqual(errors, []);
  await context.close();
});

test('by keyboard: load, reach a problem, and select its place', async () => {
  const { context, page } = await openEditor();
  const doc = structuredClone(builtin);
  doc.messages[0].sensitivity = 2;
  await type(page, JSON.stringify(doc, null, 2));
  // From the top of the page, Tab reaches the problem's button.
  await page.locator('h1').click();
  const target = page.locator('#problems button').first();
  for (let i = 0; i < 20 && !(await target.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  assert.ok(await target.evaluate((el) => el === document.activeElement), 'the problem is reachable by Tab');
  await page.keyboard.press('Enter');
  const selected = await page.evaluate(() => {
    const t = document.querySelector('#pack-text');
    return t.value.slice(t.selectionStart, t.selectionEnd);
  });
  assert.equal(selected, '"sensitivity": 2');
  await context.close();
});

test('axe finds nothing on the editor at 390 and 1280 px, with problems shown', async () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
    const { context, page } = await openEditor(viewport);
    await page.locator('#preview').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('#preview').backchannel);
    await type(page, broken(cases.at(-1).edits));
    const result = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target).join(' ')}`),
      [],
      `axe at ${viewport.width}px`,
    );
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, 'nothing scrolls sideways');
    await context.close();
  }
});
