// The static story: the whole story as HTML rendered by the same components
// (src/bin/story.rs), for readers without JavaScript, inside embed.html and
// as dist/story.<lang>.html. With JavaScript it waits hidden and the live
// explainer replaces it (it sits in <noscript>, so it is never painted and
// nothing jumps); if the explainer cannot start, the loader shows it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { open, ready, harness, screenshot, ROOT } from './support.js';

const env = harness();
const story = JSON.parse(await readFile(join(ROOT, 'www/packs/greenland-2026.json'), 'utf8'));
const locale = (l) => readFile(join(ROOT, `www/locales/${l}.json`), 'utf8').then(JSON.parse);

const visibleText = (page) => page.evaluate(() => document.body.innerText.replace(/\s+/g, ' '));
const squeeze = (t) => t.replace(/\s+/g, ' ');

test('without JavaScript, embed.html tells the whole story: every quote with its attribution, no dead controls', async () => {
  for (const width of [390, 1280]) {
    const { context, page, errors } = await open(env.browser, `${env.server.url}/embed.html`, {
      viewport: { width, height: 844 },
      javaScriptEnabled: false,
    });
    const text = await visibleText(page);
    for (const m of story.messages.filter((m) => m.id !== 'rutte-june')) {
      assert.ok(text.includes(squeeze(m.text)), `message ${m.id}`);
      assert.ok(text.includes(m.source), `source of ${m.id}`);
    }
    for (const e of story.experts) {
      assert.ok(text.includes(e.name), e.name);
      for (const q of [...(e.quotes ?? []), ...(e.reported ?? [])]) assert.ok(text.includes(squeeze(q.text)), q.text);
    }
    for (const o of story.observed.filter((o) => o.quote)) assert.ok(text.includes(o.quote), o.quote);
    assert.match(text, /MODEL/i, 'the model is labelled');
    // Nothing that needs a script is shown.
    for (const selector of ['[role=switch]', '.bc-timeline', '.bc-pager', '.bc-lang']) {
      const shown = await page.locator(selector).evaluateAll((els) => els.some((el) => el.getClientRects().length > 0));
      assert.equal(shown, false, `${selector} hidden at ${width}px`);
    }
    await screenshot(page, `static-embed-${width}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('dist/story.<lang>.html in each language, with our translations beside the quotations', async () => {
  for (const lang of ['en', 'fr', 'vi']) {
    const w = await locale(lang);
    const { context, page, errors } = await open(env.browser, `${env.server.url}/story.${lang}.html`, {
      viewport: { width: 390, height: 844 },
      javaScriptEnabled: false,
    });
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    const text = await visibleText(page);
    assert.ok(text.includes(w['explainer.title']), lang);
    assert.ok(text.includes(squeeze(story.messages[0].text)), lang);
    if (lang !== 'en') assert.ok(text.includes(w['translation.label']), `${lang}: translations marked`);
    await screenshot(page, `static-story-${lang}-390`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('with JavaScript the static story is never painted and the explainer replaces it; if the wasm cannot load, it shows', async () => {
  const { context, page, errors } = await open(env.browser, `${env.server.url}/embed.html`, { viewport: { width: 390, height: 844 } });
  await ready(page);
  assert.equal(await page.locator('.bc-static').count(), 0, 'in <noscript>, not in the page');
  assert.equal(await page.getByRole('switch').count(), 1, 'the live switch only');
  assert.deepEqual(errors, []);
  await context.close();

  const broken = await open(env.browser, 'about:blank', { viewport: { width: 390, height: 844 } });
  await broken.page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await broken.page.goto(`${env.server.url}/embed.html`);
  await broken.page.locator('.bc-static').waitFor({ state: 'visible' });
  // Inside the element's shadow root, in place of its fallback.
  const text = await broken.page.locator('.bc-static').evaluate((el) => el.innerText.replace(/\s+/g, ' '));
  assert.ok(text.includes(squeeze(story.messages[0].text)));
  assert.ok(broken.errors.some((e) => /404/.test(e)), broken.errors.join('\n'));
  await screenshot(broken.page, 'static-embed-wasm-404-390');
  await broken.context.close();
});
