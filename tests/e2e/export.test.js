// The still image of the view: the browser's exportSvg() gives the same
// bytes as the native `render` command for the same pack, scenario, day,
// language, theme and size; the SVG parses as XML, has a viewBox, refers to
// nothing outside itself, and holds the quotation and the credit line as
// real text. The images are saved as SVG and PNG in test-output/export/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { open, ready, harness, ROOT, OUTPUT, explainerPage } from './support.js';

const story = JSON.parse(await readFile(join(ROOT, 'www/packs/greenland-2026.json'), 'utf8'));
const locale = async (l) => JSON.parse(await readFile(join(ROOT, `www/locales/${l}.json`), 'utf8'));
const env = harness({ '/export.html': explainerPage() });
const DIR = join(OUTPUT, 'export');

/** The native render's SVG (the same code as the browser's, compiled natively). */
function render(args) {
  return execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'render', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
}

const CASES = [
  { scenario: 'only-macron', day: 300, lang: 'fr', theme: 'dark', size: 'social' },
  { scenario: 'what-happened', day: 400, lang: 'en', theme: 'light', size: 'column' },
  { scenario: 'only-rutte', day: 250, lang: 'vi', theme: 'light', size: 'social' },
  { scenario: 'what-happened', day: 300, lang: 'en', theme: 'dark', size: 'column' },
  // Another story pack, loaded by the page as a newsroom would.
  { pack: 'www/packs/nato-summit-2025.json', scenario: 'posted', day: 30, lang: 'fr', theme: 'light', size: 'column' },
];

test('exportSvg() in the browser equals the native render, byte for byte; a well-formed, self-contained image', async () => {
  await mkdir(DIR, { recursive: true });
  const { context, page, errors } = await open(env.browser, `${env.server.url}/export.html`, { viewport: { width: 1280, height: 800 } });
  await ready(page);
  for (const c of CASES) {
    const name = `${c.pack ? 'nato-' : ''}${c.lang}-${c.theme}-${c.size}-${c.scenario}-${c.day}`;
    const pack = c.pack ? JSON.parse(await readFile(join(ROOT, c.pack), 'utf8')) : null;
    const browser = await page.evaluate(async ([c, pack]) => {
      const h = document.querySelector('[data-backchannel]').backchannel;
      if (pack) await h.loadPack(pack);
      await h.setLanguage(c.lang);
      h.selectScenario(c.scenario);
      h.setPublic(true);
      h.pause();
      h.seek(c.day);
      // As render does: a scenario that does not post the first step's
      // message is chosen in the lab (the last step), after the flip.
      if (h.state().scenario !== c.scenario) {
        h.goToBeat(99);
        h.selectScenario(c.scenario);
        h.seek(c.day);
      }
      if (h.state().scenario !== c.scenario) throw new Error(`${c.scenario} not in view`);
      const svg = h.exportSvg({ theme: c.theme, size: c.size });
      h.goToBeat(0);
      return svg;
    }, [c, pack]);
    const native = render([
      ...(c.pack ? ['--pack', c.pack] : []),
      ...['--scenario', c.scenario, '--day', String(c.day), '--lang', c.lang, '--theme', c.theme, '--size', c.size],
    ]);
    await writeFile(join(DIR, `${name}.svg`), browser);
    assert.equal(browser, native, `${name}: the browser's bytes are the native render's`);

    const w = await locale(c.lang);
    const checked = await page.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        tag: root.localName,
        viewBox: root.getAttribute('viewBox'),
        title: root.querySelector('title')?.textContent,
        desc: root.querySelector('desc')?.textContent,
        refs: [...doc.querySelectorAll('*')].flatMap((el) =>
          [...el.attributes].filter((a) => /href$/.test(a.name) || /url\(/.test(a.value)).map((a) => `${el.localName} ${a.name}`),
        ),
        styles: doc.querySelectorAll('style, image, foreignObject, script').length,
        text: [...doc.querySelectorAll('text')].map((t) => t.textContent).join(' '),
      };
    }, browser);
    assert.equal(checked.error, null, `${name}: parses as XML`);
    assert.equal(checked.tag, 'svg');
    assert.match(checked.viewBox, c.size === 'social' ? /^0 0 1200 675$/ : /^0 0 600 \d+$/, name);
    assert.equal(checked.title, (pack?.strings?.[c.lang]?.['explainer.title']) ?? w['explainer.title']);
    assert.ok(checked.desc, 'a description');
    assert.deepEqual(checked.refs, [], `${name}: no external reference`);
    assert.equal(checked.styles, 0, `${name}: no stylesheet, image, embedded font or script`);
    // The first step shows its message (Macron's); only-rutte is shown in
    // the lab, with the message that scenario posts.
    const message = (pack ?? story).messages.find((m) => m.id === (c.scenario === 'only-rutte' || pack ? 'rutte' : 'macron'));
    const words = message.text.split(/\s+/);
    // The quotation as real text (all of it in a column; a social card may cut it, saying so).
    const quoted = c.size === 'column' ? words : words.slice(0, 12);
    assert.ok(checked.text.replace(/\s+/g, ' ').includes(quoted.join(' ')), `${name}: the quotation`);
    assert.ok(checked.text.includes(w['badge.model']), `${name}: the model labelled`);
    const credit = w['export.credit'].split('{source}')[0];
    assert.ok(checked.text.includes(credit.trim()), `${name}: the credit line (${JSON.stringify(credit)}) in ${checked.text.slice(-400)}`);
    // And as a picture, to look at.
    const shot = await context.newPage();
    await shot.setContent(`<body style="margin:0">${browser}</body>`);
    await shot.locator('svg').first().screenshot({ path: join(DIR, `${name}.png`) });
    await shot.close();
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('exportSvg() refuses what it cannot draw, saying which option', async () => {
  const { context, page } = await open(env.browser, `${env.server.url}/export.html`);
  await ready(page);
  const refused = await page.evaluate(() => {
    const h = document.querySelector('[data-backchannel]').backchannel;
    const out = [];
    for (const o of [{ theme: 'sepia' }, { size: 'poster' }, { colour: 'red' }]) {
      try {
        h.exportSvg(o);
        out.push(null);
      } catch (e) {
        out.push(e.message);
      }
    }
    return out;
  });
  assert.match(refused[0], /theme "sepia" is not light or dark/);
  assert.match(refused[1], /size "poster" is not social or column/);
  assert.match(refused[2], /unknown field `colour`/);
  await context.close();
});

test('render refuses bad arguments with one line and status 2', () => {
  for (const [args, said] of [
    [['--day', 'soon'], /--day: "soon" is not a whole number of days/],
    [['--lang', 'de'], /--lang: "de" is not one of en, fr, vi/],
    [['--theme', 'sepia'], /--theme: "sepia" is not light or dark/],
    [['--scenario', 'nope'], /nope/],
    [['--frobnicate'], /unknown argument "--frobnicate"/],
  ]) {
    let status = 0;
    let stderr = '';
    try {
      render(args);
    } catch (e) {
      status = e.status;
      stderr = String(e.stderr);
    }
    assert.equal(status, 2, args.join(' '));
    assert.match(stderr, said);
    assert.equal(stderr.trim().split('\n').length, 1, `one line: ${stderr}`);
  }
});

test('"Download image": by keyboard, saves the view as the same SVG, and says so; exportPng gives a PNG of it', async () => {
  const en = await locale('en');
  const { context, page, errors } = await open(env.browser, `${env.server.url}/export.html`, {
    viewport: { width: 390, height: 844 },
    acceptDownloads: true,
  });
  await ready(page);
  await page.getByRole('switch').click();
  await page.evaluate(() => {
    const h = document.querySelector('[data-backchannel]').backchannel;
    h.pause();
    h.seek(320);
  });
  const button = page.getByRole('button', { name: en['export.button'] });
  await button.focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(download.suggestedFilename(), 'backchannel.svg');
  const saved = await readFile(await download.path(), 'utf8');
  const expected = await page.evaluate(() => document.querySelector('[data-backchannel]').backchannel.exportSvg());
  assert.equal(saved, expected, 'the file is the view, as exportSvg() gives it');
  await page.locator('[aria-live="polite"]', { hasText: 'Image saved' }).waitFor();

  const png = await page.evaluate(async () => {
    const blob = await document.querySelector('[data-backchannel]').backchannel.exportPng(2, { theme: 'dark' });
    const bitmap = await createImageBitmap(blob);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    return { type: blob.type, width: bitmap.width, height: bitmap.height, bytes: Array.from(bytes) };
  });
  assert.equal(png.type, 'image/png');
  assert.deepEqual([png.width, png.height], [2400, 1350]);
  await mkdir(DIR, { recursive: true });
  await writeFile(join(DIR, 'exportPng-dark-social-x2.png'), Buffer.from(png.bytes));
  const refused = await page.evaluate(() =>
    document.querySelector('[data-backchannel]').backchannel.exportPng(9).then(() => null, (e) => e.message),
  );
  assert.match(refused, /scale 9 is not between 1 and 4/);
  assert.deepEqual(errors, []);
  await context.close();
});
