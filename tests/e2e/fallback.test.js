// What a reader gets when the explainer does not run: the embed code that
// carries the static story (dist/embed-code.<lang>.txt) pasted into an
// article with a typical CMS stylesheet, with JavaScript off, with it on
// (never painted, no layout shift), and with a wasm that cannot load; and
// the loader's own fallback box in the page's language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { open, ready, harness, screenshot, ROOT, DIST } from './support.js';

const story = JSON.parse(await readFile(join(ROOT, 'www/packs/greenland-2026.json'), 'utf8'));
const locale = async (l) => JSON.parse(await readFile(join(ROOT, `www/locales/${l}.json`), 'utf8'));
const code = async (l) => (await readFile(join(DIST, `embed-code.${l}.txt`), 'utf8')).replaceAll('https://example.org/backchannel/', '/');

// A CMS's article stylesheet: rem sizes from a 62.5 % root, serif text, its
// own margins and figure rules, which the static story meets without a
// shadow root when JavaScript is off.
const CMS = `html { font-size: 62.5%; } body { margin: 0; font: 1.8rem/1.6 Georgia, serif; color: #222; }
article { max-width: 64rem; margin: 0 auto; padding: 0 1.6rem; } p { margin: 0 0 2rem; }
figure { margin: 2rem 0; } svg { max-width: 100%; } h2, h3 { font-family: Georgia, serif; }`;
const article = (embed, lang = 'en') => ({
  body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<style>${CMS}</style></head><body><article><h1>An article</h1><p>Lead paragraph.</p>
${embed}<p>The article goes on.</p><div style="height:1500px"></div></article></body></html>`,
});

const pages = {};
for (const l of ['en', 'fr', 'vi']) pages[`/code-${l}.html`] = article(await code(l), l);
pages['/box-fr.html'] = article('<script type="module" src="/backchannel.js"></script><backchannel-explainer lang="fr"></backchannel-explainer>', 'fr');
const env = harness(pages);

const squeeze = (t) => t.replace(/\s+/g, ' ');
const visibleText = (page) => page.evaluate(() => document.body.innerText.replace(/\s+/g, ' '));

test('the embed code with the static story, JavaScript off: the whole story, styled by its own sheet, in a CMS article', async () => {
  for (const lang of ['en', 'fr', 'vi']) {
    const w = { ...(await locale(lang)), ...story.strings[lang] };
    for (const width of [390, 1280]) {
      const { context, page, errors } = await open(env.browser, `${env.server.url}/code-${lang}.html`, {
        viewport: { width, height: 844 },
        javaScriptEnabled: false,
      });
      await page.waitForLoadState('load');
      assert.equal(await page.evaluate(() => document.getAnimations().length), 0, `${lang}: nothing fades in`);
      const text = await visibleText(page);
      assert.ok(text.includes(w['explainer.title']), `${lang}: the title`);
      for (const m of story.messages.filter((m) => m.id !== 'rutte-june')) {
        assert.ok(text.includes(squeeze(m.text)), `${lang}: message ${m.id}`);
      }
      for (const e of story.experts) {
        assert.ok(text.includes(e.name), `${lang}: ${e.name}`);
        for (const q of e.quotes ?? []) assert.ok(text.includes(squeeze(q.text)), `${lang}: ${q.text}`);
      }
      // The component's sheet reached it: chart lines are strokes, not black fills.
      const fills = await page.locator('.bc-chart-plot polyline').evaluateAll((els) => els.map((el) => getComputedStyle(el).fill));
      assert.ok(fills.length > 0 && fills.every((f) => f === 'none'), `${lang}: chart lines unfilled: ${fills.slice(0, 3)}`);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(sideways, false, `${lang} at ${width}px: nothing scrolls sideways`);
      if (lang !== 'en' || width === 390) await screenshot(page, `code-static-${lang}-${width}`, { fullPage: false });
      assert.deepEqual(errors, [], lang);
      await context.close();
    }
  }
});

test('the embed code with the static story, JavaScript on: never painted, the explainer in its place, no layout shift', async () => {
  for (const width of [390, 1280]) {
    const { context, page, errors } = await open(env.browser, 'about:blank', { viewport: { width, height: 844 } });
    await page.addInitScript(() => {
      window.cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${env.server.url}/code-en.html`);
    await ready(page);
    await page.waitForTimeout(500);
    assert.equal(await page.locator('.bc-static').count(), 0, 'the story stays in <noscript>');
    assert.equal(await page.getByRole('switch').count(), 1);
    // The pre-rendered first view links the stable-named sheet, which the
    // live explainer then uses too: one sheet, not two.
    const sheets = requests.filter((r) => /^\/backchannel(-[0-9a-f]+)?\.css$/.test(r));
    assert.deepEqual(sheets, ['/backchannel.css'], 'one component sheet is loaded');
    const cls = await page.evaluate(() => window.cls);
    console.log(`embed code with the static story, ${width} px: CLS ${cls.toFixed(4)}`);
    assert.ok(cls <= 0.05, `CLS ${cls} at ${width} px`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the embed code with the static story, wasm cannot load: the story shows inside the element, in the component\'s style, not the page\'s', async () => {
  const { context, page, errors } = await open(env.browser, 'about:blank', { viewport: { width: 390, height: 844 } });
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(`${env.server.url}/code-fr.html`);
  const inside = page.locator('backchannel-explainer .bc-static');
  await inside.waitFor({ state: 'visible' });
  const look = await page.evaluate(() => {
    const host = document.querySelector('backchannel-explainer');
    const title = host.shadowRoot.querySelector('.bc-static .bc-title');
    return {
      inShadow: Boolean(title),
      font: getComputedStyle(title).fontFamily,
      noscriptKept: Boolean(host.querySelector(':scope > noscript')),
      links: host.shadowRoot.querySelectorAll('link').length,
    };
  });
  assert.equal(look.inShadow, true, 'in the shadow root');
  assert.ok(!/Georgia/.test(look.font), `the page's serif does not reach it: ${look.font}`);
  assert.equal(look.noscriptKept, true, 'the host\'s markup is left as it was');
  assert.equal(look.links, 1, 'one sheet: the component\'s');
  const text = await inside.evaluate((el) => el.innerText.replace(/\s+/g, ' '));
  assert.ok(text.includes(squeeze(story.messages[0].text)));
  assert.ok(errors.length > 0 && errors.every((e) => /404|could not start/.test(e)), errors.join('\n'));
  await screenshot(page, 'code-static-wasm-404-fr-390', { fullPage: false });
  await context.close();
});

test('the loader\'s own box speaks the page\'s language: loading first, then could not start, the quotation with our translation', async () => {
  const fr = await locale('fr');
  const { context, page } = await open(env.browser, 'about:blank', { viewport: { width: 390, height: 844 } });
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.fulfill({ status: 404, body: 'gone' });
  });
  await page.goto(`${env.server.url}/box-fr.html`);
  const box = page.locator('backchannel-explainer .bc-fallback');
  await box.waitFor();
  const read = () =>
    page.evaluate(() => {
      const b = document.querySelector('backchannel-explainer').shadowRoot.querySelector('.bc-fallback');
      return {
        lang: b.lang,
        lead: b.querySelector('.bc-fallback-lead').textContent,
        quoteLang: b.querySelector('blockquote').lang,
        quote: b.querySelector('blockquote').textContent,
        translation: b.querySelector('.bc-fallback-translation')?.textContent,
        text: b.textContent,
      };
    });
  const loading = await read();
  assert.equal(loading.lang, 'fr');
  assert.equal(loading.lead, fr['fallback.loading'], 'while loading, it says so');
  assert.equal(loading.quoteLang, 'en');
  assert.equal(loading.quote, story.messages[0].text, 'the quotation in its own language');
  assert.equal(loading.translation, `${fr['translation.label']}\u202f: ${story.strings.fr['message.macron.translation']}`);
  assert.ok(loading.text.includes(story.strings.fr['message.macron.source']), 'the source, as the French strings give it');
  await screenshot(page, 'fallback-box-fr-loading-390', { fullPage: false });
  release();
  await page.waitForFunction(
    (failed) => document.querySelector('backchannel-explainer').shadowRoot.querySelector('.bc-fallback-lead').textContent === failed,
    fr['fallback.sentence'],
  );
  await context.close();
});
