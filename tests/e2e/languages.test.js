// English, French and Vietnamese: each language's own strings, dates and
// numbers; quotations kept in their language with a translation marked as
// ours; only the language in use downloaded; switching at run time (the
// reader's control and the handle's setLanguage) keeping the day, the
// scenario and the flip; a keyboard walk through the story and axe in each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { open, ready, rendered, screenshot, state, harness, animationsDone, ROOT, explainerPage } from './support.js';

const LANGS = ['en', 'fr', 'vi'];
const locale = Object.fromEntries(
  await Promise.all(LANGS.map(async (l) => [l, JSON.parse(await readFile(join(ROOT, `www/locales/${l}.json`), 'utf8'))])),
);
const story = JSON.parse(await readFile(join(ROOT, 'www/packs/greenland-2026.json'), 'utf8'));
const DATE = { en: '20 Jan 2026', fr: '20 janv. 2026', vi: '20 thg 1, 2026' };

const page = explainerPage;
const pages = { '/en.html': page() };
for (const l of ['fr', 'vi']) pages[`/${l}.html`] = page(`lang="${l}"`);
pages['/fr-CA.html'] = page('lang="fr-CA"');
const env = harness(pages);

/** Opens a page, recording what it fetched. */
async function openPage(path, options = {}) {
  const requests = [];
  const opened = await open(env.browser, 'about:blank', options);
  opened.page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await opened.page.goto(`${env.server.url}${path}`);
  await ready(opened.page);
  return { ...opened, requests };
}

const inShadow = (page, fn) =>
  page.evaluate((src) => new Function('root', src)(document.querySelector('[data-backchannel]').shadowRoot), fn);

test('each language renders its own strings, dates and numbers, and downloads only itself', async () => {
  for (const lang of LANGS) {
    const { context, page, errors, requests } = await openPage(`/${lang}.html`);
    const w = { ...locale[lang], ...story.strings[lang] };
    assert.equal(await page.locator('.bc-title').textContent(), w['explainer.title'], lang);
    assert.equal(await page.locator('.bc-beat-title').textContent(), w['beat.act.title'], lang);
    assert.equal(await page.getByRole('switch').getAttribute('aria-checked'), 'false');
    assert.equal(await inShadow(page, "return root.querySelector('.bc-root').lang"), lang);
    const meta = await page.locator('.bc-chat-meta').textContent();
    assert.ok(meta.includes(DATE[lang]), `${lang}: the date as the locale writes it: ${meta}`);
    // The quotation stays in English, marked so; other languages add our translation.
    const quote = page.locator('.bc-bubble-text');
    assert.equal(await quote.getAttribute('lang'), 'en');
    assert.equal(await quote.textContent(), story.messages[0].text);
    const translation = page.locator('.bc-message .bc-translation');
    if (lang === 'en') {
      assert.equal(await translation.count(), 0);
    } else {
      // In view with the message: right under the bubble (the original
      // first), outside it, labelled as ours, before the switch.
      const label = (await translation.locator('.bc-translation-label').textContent()).trim();
      assert.ok(label.startsWith(locale[lang]['translation.label']), label);
      assert.ok(await translation.isVisible(), `${lang}: the translation is in view, not folded`);
      const order = await inShadow(page, `const t = root.querySelector('.bc-message .bc-translation');
        return { afterBubble: t.previousElementSibling?.classList.contains('bc-bubble'),
          inBubble: !!t.closest('.bc-bubble'),
          beforeSwitch: !!(t.compareDocumentPosition(root.querySelector('[role=switch]')) & Node.DOCUMENT_POSITION_FOLLOWING) };`);
      assert.deepEqual(order, { afterBubble: true, inBubble: false, beforeSwitch: true }, lang);
      const text = (await translation.textContent()).slice(label.length).trim();
      assert.equal(text, story.strings[lang]['message.macron.translation']);
      assert.ok(!/^[“"«]/.test(text), 'a translation is not shown in quotation marks');
      // Public, it stays with the screenshot.
      await page.getByRole('switch').click();
      // Drawn after the tap's own paint, then its animations run.
      await rendered(page);
      await animationsDone(page, 3000);
      assert.ok(await page.locator('.bc-message.is-public > .bc-bubble + .bc-translation').isVisible(), `${lang}: public`);
      // The poster's caption, quoted as posted, gets ours too.
      const caption = page.locator('.bc-post-caption + .bc-translation');
      assert.ok((await caption.textContent()).endsWith(story.strings[lang]['message.macron.caption.translation']), lang);
      await page.getByRole('switch').click();
      await animationsDone(page, 3000);
      // Experts' quotations: the original in quotation marks with its lang, our translation beside it.
      await page.evaluate(() => document.querySelector('[data-backchannel]').backchannel.goToBeat(2));
      const quote = page.locator('.bc-quote').first();
      assert.equal(await quote.getAttribute('lang'), 'en');
      const next = page.locator('.bc-quote + .bc-translation').first();
      assert.ok((await next.textContent()).startsWith(locale[lang]['translation.label']));
      await page.evaluate(() => document.querySelector('[data-backchannel]').backchannel.goToBeat(0));
    }
    // Numbers: the meters' value text uses the locale's percent.
    await page.getByRole('switch').click();
    await rendered(page);
    await animationsDone(page, 3000);
    const valuetext = await page.getByRole('meter').first().getAttribute('aria-valuetext');
    if (lang === 'fr') assert.match(valuetext, /\d\u202f%/, valuetext);
    else assert.match(valuetext, /\d%/, valuetext);
    const fetched = requests.filter((p) => p.includes('/locales/'));
    assert.deepEqual(fetched, lang === 'en' ? [] : [`/locales/${lang}.json`], `${lang}: locale files fetched`);
    assert.deepEqual(errors, [], lang);
    await context.close();
  }
});

test('lang="fr-CA" reads as French (the primary subtag)', async () => {
  const { context, page, errors } = await openPage('/fr-CA.html');
  assert.equal((await state(page)).lang, 'fr');
  assert.equal(await page.locator('.bc-title').textContent(), locale.fr['explainer.title']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('switching language keeps the day, the scenario and the flip; the live region says so', async () => {
  const { context, page, errors, requests } = await openPage('/en.html');
  const host = page.locator('backchannel-explainer');
  await page.getByRole('switch').click();
  await page.evaluate(() => {
    const h = document.querySelector('[data-backchannel]').backchannel;
    h.pause();
    h.seek(300);
  });
  const before = await state(page);
  // The reader's control.
  await page.getByRole('combobox', { name: locale.en['language.label'] }).selectOption('fr');
  await page.locator('.bc-title', { hasText: locale.fr['explainer.title'] }).waitFor();
  const after = await state(page);
  assert.equal(after.lang, 'fr');
  assert.deepEqual({ ...after, lang: 'en' }, before, 'only the language changed');
  assert.equal(await host.getAttribute('lang'), 'fr', 'the element says its language');
  await page.locator('[aria-live="polite"]', { hasText: locale.fr['announce.language'] }).waitFor();
  // The handle, to a language not loaded yet and back to one that is.
  await page.evaluate(() => document.querySelector('[data-backchannel]').backchannel.setLanguage('vi'));
  assert.equal((await state(page)).lang, 'vi');
  assert.equal(await page.locator('.bc-title').textContent(), locale.vi['explainer.title']);
  await page.evaluate(() => document.querySelector('[data-backchannel]').backchannel.setLanguage('fr'));
  assert.equal(await page.locator('.bc-title').textContent(), locale.fr['explainer.title']);
  assert.equal(requests.filter((p) => p === '/locales/fr.json').length, 1, 'each file is fetched once');
  const refused = await page.evaluate(() => {
    try {
      document.querySelector('[data-backchannel]').backchannel.setLanguage('de');
      return null;
    } catch (e) {
      return e.message;
    }
  });
  assert.match(refused, /"de" is not a language of this build/);
  const s = await state(page);
  assert.equal(s.day, before.day);
  assert.equal(s.scenario, before.scenario);
  assert.equal(s.public, true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a language file that cannot load says so beside the control and changes nothing', async () => {
  const { context, page, errors } = await openPage('/en.html');
  await page.route('**/locales/vi.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  const select = page.getByRole('combobox', { name: locale.en['language.label'] });
  await select.selectOption('vi');
  const message = page.locator('.bc-lang-error');
  await message.waitFor();
  assert.equal(await message.textContent(), locale.en['language.error'], 'said in the reader\'s language');
  assert.equal(await select.inputValue(), 'en', 'the control goes back to the language on screen');
  assert.equal(await select.getAttribute('aria-invalid'), 'true');
  assert.equal((await state(page)).lang, 'en');
  assert.equal(await page.locator('.bc-title').textContent(), locale.en['explainer.title']);
  assert.ok(errors.length >= 1 && errors.every((e) => /404/.test(e)), errors.join('\n'));
  // A later attempt that works clears it.
  await page.unroute('**/locales/vi.json');
  await select.selectOption('vi');
  await page.locator('.bc-title', { hasText: locale.vi['explainer.title'] }).waitFor();
  assert.equal(await message.count(), 0);
  await context.close();
});

test('the latest choice wins over a file still on its way', async () => {
  const { context, page, errors } = await openPage('/en.html');
  // French takes a second to arrive; Vietnamese comes at once.
  await page.route('**/locales/fr.json', async (route) => {
    await new Promise((ok) => setTimeout(ok, 1000));
    await route.continue();
  });
  const select = page.getByRole('combobox', { name: locale.en['language.label'] });
  await select.selectOption('fr');
  await select.selectOption('vi');
  await page.locator('.bc-title', { hasText: locale.vi['explainer.title'] }).waitFor();
  await page.waitForTimeout(1500);
  assert.equal((await state(page)).lang, 'vi');
  assert.equal(await page.locator('.bc-title').textContent(), locale.vi['explainer.title']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a page in French whose French file cannot load shows English and says why', async () => {
  const requests = [];
  const { context, page, errors } = await open(env.browser, 'about:blank');
  await page.route('**/locales/fr.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${env.server.url}/fr.html`);
  await ready(page);
  await page.locator('.bc-lang-error').waitFor();
  assert.equal((await state(page)).lang, 'en');
  assert.equal(await inShadow(page, "return root.querySelector('.bc-root').lang"), 'en');
  assert.equal(await page.locator('.bc-title').textContent(), locale.en['explainer.title']);
  assert.ok(errors.every((e) => /404/.test(e)), errors.join('\n'));
  await context.close();
});

test('keyboard only, in each language: the language control, the flip, every step; axe clean; screenshots', async () => {
  for (const lang of LANGS) {
    for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      const { context, page, errors } = await openPage(`/${lang}.html`, { viewport });
      const w = { ...locale[lang], ...story.strings[lang] };
      const focused = () =>
        page.evaluate(() => {
          const el = document.querySelector('[data-backchannel]').shadowRoot.activeElement;
          return el ? { tag: el.tagName, role: el.getAttribute('role'), lang: Boolean(el.closest('.bc-lang')) } : null;
        });
      // Tab: the language control comes first, then the switch.
      await page.keyboard.press('Tab');
      const order = [];
      for (let i = 0; i < 40; i++) {
        const f = await focused();
        order.push(f?.lang ? 'language control' : f?.tag);
        if (f?.role === 'switch') break;
        await page.keyboard.press('Tab');
      }
      assert.ok(order.includes('language control'), `${lang}: the language control is reached by Tab before the switch (${order})`);
      assert.equal((await focused())?.role, 'switch', `${lang}: Tab reaches the switch`);
      await page.keyboard.press('Space');
      assert.equal((await state(page)).public, true, `${lang}: Space flips`);
      await rendered(page);
      await animationsDone(page, 3000);
      const axe = await new AxeBuilder({ page }).include('[data-backchannel]').analyze();
      assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], `axe, ${lang}, ${viewport.width}px`);
      await screenshot(page, `lang-${lang}-${viewport.width}-act`, { fullPage: false });
      // Next, by keyboard, through every step; each title in this language.
      const next = page.getByRole('button', { name: w['nav.next'], exact: true });
      for (const beat of story.beats.slice(1)) {
        await next.focus();
        await page.keyboard.press('Enter');
        await page.locator('.bc-beat-title', { hasText: w[`beat.${beat.id}.title`] }).waitFor();
        assert.equal((await state(page)).beat, beat.id);
      }
      if (viewport.width === 1280) {
        await animationsDone(page, 3000);
        const axe = await new AxeBuilder({ page }).include('[data-backchannel]').analyze();
        assert.deepEqual(axe.violations.map((v) => v.id), [], `axe on the lab, ${lang}`);
        await screenshot(page, `lang-${lang}-${viewport.width}-lab`);
      }
      assert.deepEqual(errors, [], lang);
      await context.close();
    }
  }
});
