// Hostile text in everything a host controls (issue 10): markup, script,
// `javascript:` URLs, a style break-out, bidi overrides, zero-width
// characters, a 4 MB string and JSON nested 10 000 deep, placed in every
// string of a story pack (its texts and names, and its ids), in every config
// field, and in every attribute of the element. Each explainer either shows
// the text inert and readable (as literal text) or a readable refusal; no
// script runs, nothing from the corpus becomes an element or an attribute
// (in the document or any shadow root), the console holds only the
// explainer's own refusals, and the page keeps answering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, harness, open, beatIds, rendered } from './support.js';

const PWN = 'window.__pwned=1';
const CORPUS = [
  `<img src=x onerror=${PWN}>`,
  `<script>${PWN}</script>`,
  `javascript:${PWN}`,
  '</style><style>*{display:none}</style>',
  `<svg onload=${PWN}>`,
  '\u202Edesrever\u202C and \u202Eon',
  'zero\u200Bwidth\uFEFF',
];
// 4 MB of the same payloads, one after another.
const HUGE = (() => {
  const unit = CORPUS.join(' ');
  return unit.repeat(Math.ceil((4 * 1024 * 1024) / unit.length));
})();
const DEPTH = 10_000;
const DEEP_ARRAYS = '['.repeat(DEPTH) + ']'.repeat(DEPTH);
const DEEP_OBJECTS = '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH);

const builtin = JSON.parse(readFileSync(join(ROOT, 'www/packs/greenland-2026.json'), 'utf8'));
const english = JSON.parse(readFileSync(join(ROOT, 'www/locales/en.json'), 'utf8'));

// Fields whose strings are ids, dates or references, not text a reader reads.
const REFERENCES = new Set(['$schema', 'id', 'day0', 'date', 'posted', 'sent', 'sender', 'message', 'against', 'scenario', 'other_reading', 'view']);
const ID_LISTS = new Set(['experts', 'observed', 'outputs']);

/** The built-in pack with `p` added to every text it has (names, texts, sources, quotes, roles, strings…). */
function textPack(p) {
  const pack = structuredClone(builtin);
  const visit = (v, key) => {
    if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' && ID_LISTS.has(key) ? x : visit(x, key)));
    if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        if (typeof v[k] === 'string' && REFERENCES.has(k)) continue;
        v[k] = visit(v[k], k);
      }
      return v;
    }
    // Empty strings stay empty: a name there would make an unnamed ally named.
    if (typeof v === 'string' && v !== '') return `${p} ${v}`;
    return v;
  };
  visit(pack, '');
  pack.leaker = `${p} ${builtin.leaker}`;
  return pack;
}

/** The built-in pack with `p` in every id (senders, messages, experts, facts, scenarios, beats) and every reference to one. */
function idPack(p) {
  const pack = structuredClone(builtin);
  const kept = 'kept-private';
  const re = (id) => (id === kept ? id : `${id}${p}`);
  pack.id = re(pack.id);
  for (const s of pack.senders) s.id = re(s.id);
  for (const m of pack.messages) {
    m.id = re(m.id);
    m.sender = re(m.sender);
    if (m.scenario) m.scenario = re(m.scenario);
    if (m.other_reading) m.other_reading = re(m.other_reading);
  }
  for (const e of pack.experts ?? []) e.id = re(e.id);
  for (const o of pack.observed ?? []) o.id = re(o.id);
  for (const s of pack.scenarios) {
    s.id = re(s.id);
    for (const e of s.events) {
      if (e.message) e.message = re(e.message);
      if (e.sender) e.sender = re(e.sender);
    }
  }
  for (const b of pack.beats) {
    b.id = re(b.id);
    for (const f of ['message', 'against']) if (b[f]) b[f] = re(b[f]);
    for (const f of ['experts', 'observed']) if (b[f]) b[f] = b[f].map(re);
  }
  for (const [lang, words] of Object.entries(pack.strings)) {
    const renamed = {};
    for (const [key, value] of Object.entries(words)) {
      const [kind, id, ...rest] = key.split('.');
      if (['beat', 'sender', 'message', 'expert', 'observed'].includes(kind)) renamed[[kind, re(id), ...rest].join('.')] = value;
      else if (kind === 'scenario' && rest.length === 0) renamed[`scenario.${re(id)}`] = value;
      else renamed[key] = value;
    }
    // Scenarios the interface labels by their old id need a label of their own.
    for (const s of pack.scenarios) {
      const key = `scenario.${s.id}`;
      if (!(key in renamed) && !(key in english)) renamed[key] = `Scenario ${s.id}`;
    }
    pack.strings[lang] = renamed;
  }
  return pack;
}

/** Configs with `p` in each field in turn; the first is one the built-in story accepts. */
const configs = (p) => [
  { accepted: true, config: { scenario: p, custom_scenario: { id: p, events: [{ day: 30, sender: 'rutte', sensitivity: 0.5 }] } } },
  { config: { scenario: p } },
  { config: { lang: p } },
  { config: { theme: p } },
  { config: { beats: ['act', p] } },
  { config: { params: { [p]: 0.5 } } },
  { config: { custom_scenario: { id: 'mine', events: [{ day: 30, sender: p, sensitivity: 0.5 }] } } },
  { config: { pack: p }, fetches: true },
];

/** Attributes with `p` in each in turn (`lang` falls back to the story's language with a warning). */
const attributes = (p) => [
  { attributes: { scenario: p } },
  { attributes: { lang: p }, accepted: true },
  { attributes: { theme: p } },
  { attributes: { pack: p }, fetches: true },
  { attributes: { config: p }, fetches: true },
];

// Packs served by URL, so the `pack` attribute reads them as text (loadPack reads objects).
const pages = {
  '/host.js': {
    type: 'text/javascript',
    body: `
      const out = document.querySelector('#host-count');
      document.querySelector('#host-button').addEventListener('click', () => { out.textContent = String(Number(out.textContent) + 1); });`,
  },
  '/p/deep-arrays.json': { type: 'application/json', body: DEEP_ARRAYS },
  '/p/deep-objects.json': { type: 'application/json', body: DEEP_OBJECTS },
  '/p/huge.json': {
    type: 'application/json',
    body: JSON.stringify({ ...builtin, messages: builtin.messages.map((m, i) => (i === 0 ? { ...m, text: HUGE } : m)) }),
  },
};
CORPUS.forEach((p, i) => {
  pages[`/p/text-${i}.json`] = { type: 'application/json', body: JSON.stringify(textPack(p)) };
});
pages['/host.html'] = {
  body:
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Injection host</title>' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">' +
    '<script type="module" src="/backchannel.js" data-own></script></head><body>' +
    '<button id="host-button" type="button">Host</button><output id="host-count">0</output><main id="main"></main>' +
    '<script type="module" src="/host.js" data-own></script></body></html>',
};

const env = harness(pages);

/** Opens the host page, watching for dialogs and page errors. */
async function host() {
  const opened = await open(env.browser, `${env.server.url}/host.html`, { viewport: { width: 1280, height: 900 } });
  opened.dialogs = [];
  opened.page.on('dialog', (d) => {
    opened.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  opened.pageErrors = [];
  opened.page.on('pageerror', (e) => opened.pageErrors.push(String(e)));
  await opened.page.evaluate(() => import('/backchannel.js'));
  return opened;
}

/**
 * Mounts one explainer with these attributes and config (inline, as JSON
 * text) and waits for it to be ready or to refuse: `{ outcome, detail }`.
 */
async function mount(page, { attributes = {}, config }) {
  return page.evaluate(
    async ({ attributes, config }) => {
      const el = document.createElement('backchannel-explainer');
      el.id = 'case';
      for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
      if (config !== undefined) {
        const script = document.createElement('script');
        script.type = 'application/json';
        script.setAttribute('data-own', '');
        script.textContent = config;
        el.append(script);
      }
      const done = new Promise((resolve) => {
        el.addEventListener('backchannel:ready', () => resolve({ outcome: 'ready' }), { once: true });
        el.addEventListener('backchannel:error', (e) => resolve({ outcome: 'error', detail: e.detail }), { once: true });
      });
      document.getElementById('main').replaceChildren(el);
      return done;
    },
    { attributes, config },
  );
}

/** Removes the explainer of the last case. */
const unmount = (page) => page.evaluate(() => document.getElementById('main').replaceChildren());

/**
 * What the corpus must never become, in the document and every shadow root:
 * scripts other than the page's own, `on…` attributes (img[onerror],
 * svg[onload]…), `javascript:` URLs, embedded documents, and the injected
 * stylesheet. Also whether a payload ran.
 */
function audit(page) {
  return page.evaluate(() => {
    const roots = [];
    const walk = (root) => {
      roots.push(root);
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
    const found = [];
    for (const root of roots) {
      for (const el of root.querySelectorAll('*')) {
        const name = el.localName;
        for (const a of el.attributes) {
          const n = a.name.toLowerCase();
          if (n.startsWith('on')) found.push(`${name}[${n}]`);
          if (['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'srcdoc'].includes(n) && /^\s*javascript:/i.test(a.value)) {
            found.push(`${name}[${n}=${a.value.slice(0, 40)}]`);
          }
        }
        if (name === 'script' && !el.hasAttribute('data-own')) found.push('script');
        if (['iframe', 'object', 'embed', 'img', 'frame', 'base', 'meta'].includes(name) && root !== document) found.push(name);
        if (name === 'style' && /display\s*:\s*none/.test(el.textContent)) found.push('style');
      }
    }
    return { found, pwned: window.__pwned };
  });
}

/** The text the explainer shows now (its shadow root). */
const shownText = (page) => page.evaluate(() => document.querySelector('#case').shadowRoot?.textContent ?? '');

/** The event loop answers, and the host page's button works. */
async function responsive(page) {
  let timer;
  const tick = page.evaluate(() => new Promise((ok) => setTimeout(() => ok(true), 0)));
  const late = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error('the page stopped answering')), 20_000);
  });
  try {
    assert.equal(await Promise.race([tick, late]), true);
  } finally {
    clearTimeout(timer);
  }
  const before = Number(await page.locator('#host-count').textContent());
  await page.locator('#host-button').click({ timeout: 20_000 });
  assert.equal(Number(await page.locator('#host-count').textContent()), before + 1, 'the host page button works');
}

/** Nothing from the corpus in the DOM, nothing ran, no dialog. */
async function inert(opened, label) {
  const { found, pwned } = await audit(opened.page);
  assert.deepEqual(found, [], `${label}: corpus elements or attributes in the DOM`);
  assert.equal(pwned, undefined, `${label}: a payload ran`);
  assert.deepEqual(opened.dialogs, [], `${label}: a dialog opened`);
  assert.deepEqual(opened.pageErrors, [], `${label}: page errors`);
}

/** A refusal, readable in the element: the `.bc-failure` box, visible, saying `expect` literally. */
async function refusal(page, label, expect) {
  const failure = page.locator('#case .bc-failure');
  await failure.waitFor({ timeout: 20_000 });
  assert.ok(await failure.isVisible(), `${label}: the refusal is visible`);
  const text = await failure.textContent();
  assert.ok(text.trim().length > 0, `${label}: the refusal says something`);
  if (expect !== undefined) assert.ok(text.includes(expect), `${label}: the refusal shows the value as text: ${text.slice(0, 300)}`);
}

/**
 * A URL that did not load (issue 21): said in the event (and the console),
 * with the value as written, as text; nothing of it in the element, which
 * keeps its fallback.
 */
async function unloaded(page, label, detail, expect) {
  assert.equal(typeof detail.message, 'string', label);
  assert.ok(detail.message.includes(expect), `${label}: the message names the URL as written: ${detail.message.slice(0, 300)}`);
  const shown = await page.evaluate(() => {
    const root = document.querySelector('#case').shadowRoot;
    return { failures: root.querySelectorAll('.bc-failure').length, fallback: Boolean(root.querySelector('.bc-fallback')) };
  });
  assert.deepEqual(shown, { failures: 0, fallback: true }, `${label}: the reader keeps the fallback, with no error box`);
}

/**
 * An accepted explainer, through every beat: inert at each, the payload
 * shown as literal text somewhere (when `expect`), and the switch still flips.
 */
async function walk(opened, label, expect) {
  const { page } = opened;
  const beats = (await beatIds(page, '#case')).length;
  assert.ok(beats >= 1, `${label}: beats`);
  let text = '';
  for (let n = 0; n < beats; n++) {
    await page.evaluate((n) => {
      const h = document.querySelector('#case').backchannel;
      h.goToBeat(n);
      h.setPublic(true);
      h.pause();
    }, n);
    await page.waitForTimeout(50);
    if (expect !== undefined && !text.includes(expect)) text += await shownText(page);
    await inert(opened, `${label}, beat ${n}`);
  }
  if (expect !== undefined) assert.ok(text.includes(expect), `${label}: the value is shown as literal text`);
  // The reader's switch still works (it starts private on the first beat).
  await page.evaluate(() => document.querySelector('#case').backchannel.goToBeat(0));
  const flip = page.locator('#case [role="switch"]').first();
  await flip.waitFor({ timeout: 20_000 });
  const before = await page.evaluate(() => document.querySelector('#case').backchannel.state().public);
  await flip.click({ timeout: 20_000 });
  // The flip is drawn after the tap's own paint.
  await rendered(page);
  await page.waitForFunction((b) => document.querySelector('#case').backchannel.state().public !== b, before, { timeout: 20_000 });
  assert.ok(await page.locator('#case .bc-bubble-text').first().isVisible(), `${label}: the message is visible`);
}

/** Console errors that are not the explainer's own refusals (or the 404s of refused URLs). */
function unexpected(errors, fetches) {
  return errors.filter(
    (e) => !e.startsWith('backchannel: ') && !(fetches && /^Failed to load resource/.test(e)) && !/^Error: /.test(e),
  );
}

test('pack texts and names carrying the corpus are shown as literal text, inert', async () => {
  const opened = await host();
  const { page, errors } = opened;
  for (const [i, p] of CORPUS.entries()) {
    const label = `text pack ${JSON.stringify(p)}`;
    const { outcome, detail } = await mount(page, { attributes: { pack: `/p/text-${i}.json` } });
    assert.equal(outcome, 'ready', `${label}: ${JSON.stringify(detail)}`);
    await walk(opened, label, p);
    // validatePack reads it as text and as an object, with the same verdict.
    const checked = await page.evaluate(async (path) => {
      const { validatePack } = await import('/backchannel.js');
      const text = await (await fetch(path)).text();
      return [await validatePack(text), await validatePack(JSON.parse(text))].map((r) => r.ok);
    }, `/p/text-${i}.json`);
    assert.deepEqual(checked, [true, true], label);
    await unmount(page);
  }
  await inert(opened, 'text packs');
  await responsive(page);
  assert.deepEqual(unexpected(errors, false), []);
  await opened.context.close();
});

test('ids carrying the corpus (loadPack) are used as ids and never become markup', async () => {
  const opened = await host();
  const { page, errors } = opened;
  for (const p of CORPUS) {
    const label = `id pack ${JSON.stringify(p)}`;
    await mount(page, {});
    const verdict = await page.evaluate(async (pack) => {
      const { validatePack } = await import('/backchannel.js');
      const checked = await validatePack(pack);
      const el = document.querySelector('#case');
      const ready = new Promise((ok) => el.addEventListener('backchannel:ready', ok, { once: true }));
      try {
        await el.backchannel.loadPack(pack);
      } catch (e) {
        return { thrown: e.message, checked };
      }
      await ready;
      return { checked };
    }, idPack(p));
    assert.equal(verdict.thrown, undefined, `${label}: ${verdict.thrown}`);
    assert.equal(verdict.checked.ok, true, `${label}: ${JSON.stringify(verdict.checked.problems)}`);
    await walk(opened, label);
    // The custom scenario's label falls back to its id, shown in the lab.
    await unmount(page);
  }
  await inert(opened, 'id packs');
  await responsive(page);
  assert.deepEqual(unexpected(errors, false), []);
  await opened.context.close();
});

test('config fields carrying the corpus: shown as text, or refused readably', async () => {
  const opened = await host();
  const { page, errors } = opened;
  for (const p of CORPUS) {
    for (const { config, accepted, fetches } of configs(p)) {
      const label = `config ${JSON.stringify(config)}`;
      const { outcome, detail } = await mount(page, { config: JSON.stringify(config) });
      if (accepted) {
        assert.equal(outcome, 'ready', `${label}: ${JSON.stringify(detail)}`);
        await walk(opened, label, p);
      } else {
        assert.equal(outcome, 'error', label);
        assert.ok(detail.field === 'config' || detail.field.startsWith('config.') || (fetches && detail.field === 'pack'), `${label}: ${detail.field}`);
        if (fetches) await unloaded(page, label, detail, p);
        else await refusal(page, label, p);
      }
      await inert(opened, label);
      await unmount(page);
    }
  }
  await responsive(page);
  assert.deepEqual(unexpected(errors, true), []);
  await opened.context.close();
});

test('attributes carrying the corpus: shown as text, or refused readably', async () => {
  const opened = await host();
  const { page, errors } = opened;
  for (const p of CORPUS) {
    for (const { attributes: attrs, accepted, fetches } of attributes(p)) {
      const label = `attributes ${JSON.stringify(attrs)}`;
      const { outcome, detail } = await mount(page, { attributes: attrs });
      if (accepted) {
        assert.equal(outcome, 'ready', `${label}: ${JSON.stringify(detail)}`);
        assert.ok(await page.locator('#case .bc-bubble-text').first().isVisible(), label);
      } else {
        assert.equal(outcome, 'error', label);
        const [name] = Object.keys(attrs);
        // A URL that does not parse, or names another origin, is still shown as written.
        assert.ok(detail.field === name || (name === 'config' && detail.field === 'config'), `${label}: ${detail.field}`);
        if (fetches) await unloaded(page, label, detail, p);
        else await refusal(page, label, p);
      }
      await inert(opened, label);
      await unmount(page);
    }
  }
  await responsive(page);
  assert.deepEqual(unexpected(errors, true), []);
  await opened.context.close();
});

test('a 4 MB string and JSON nested 10 000 deep: shown, or refused with a message', async () => {
  const opened = await host();
  const { page, errors } = opened;
  const cases = [
    // 4 MB in a pack text (the first message), in an attribute, in a config field.
    { label: '4 MB message text', attributes: { pack: '/p/huge.json' }, accepted: true },
    { label: '4 MB scenario attribute', attributes: { scenario: HUGE } },
    { label: '4 MB theme attribute', attributes: { theme: HUGE } },
    { label: '4 MB lang attribute', attributes: { lang: HUGE }, accepted: true },
    { label: '4 MB config scenario', config: JSON.stringify({ scenario: HUGE }) },
    { label: '4 MB config params key', config: JSON.stringify({ params: { [HUGE]: 1 } }) },
    // Deep nesting as a pack (text by URL), as a config, and inside one.
    { label: 'deep arrays pack', attributes: { pack: '/p/deep-arrays.json' } },
    { label: 'deep objects pack', attributes: { pack: '/p/deep-objects.json' } },
    { label: 'deep arrays config', config: DEEP_ARRAYS },
    { label: 'deep objects config', config: DEEP_OBJECTS },
    { label: 'deep params', config: `{"params":${DEEP_ARRAYS}}` },
    { label: 'deep custom scenario', config: `{"custom_scenario":${DEEP_OBJECTS}}` },
  ];
  for (const { label, attributes: attrs, config, accepted } of cases) {
    const { outcome, detail } = await mount(page, { attributes: attrs, config });
    if (accepted) {
      assert.equal(outcome, 'ready', `${label}: ${JSON.stringify(detail)?.slice(0, 300)}`);
      assert.ok(await page.locator('#case .bc-bubble-text').first().isVisible(), label);
    } else {
      assert.equal(outcome, 'error', label);
      await refusal(page, label);
    }
    await inert(opened, label);
    await unmount(page);
  }
  // The same through loadPack and validatePack, as objects and as text.
  const results = await page.evaluate(
    async ({ arrays, objects, huge }) => {
      const { validatePack } = await import('/backchannel.js');
      const out = [];
      const base = await (await fetch('/packs/greenland-2026.json')).json();
      const inputs = {
        'deep arrays': JSON.parse(arrays),
        'deep objects': JSON.parse(objects),
        'deep text': { ...base, messages: [{ ...base.messages[0], text: JSON.parse(arrays) }, ...base.messages.slice(1)] },
        'deep strings': { ...base, strings: { en: JSON.parse(objects) } },
        '4 MB name': { ...base, senders: [{ ...base.senders[0], name: huge }, ...base.senders.slice(1)] },
      };
      for (const [name, input] of [...Object.entries(inputs), ['deep arrays as text', arrays], ['deep objects as text', objects]]) {
        const v = await validatePack(input);
        out.push({ name, ok: v.ok, problems: v.problems.map((p) => `${p.path}: ${p.problem}`.slice(0, 200)) });
      }
      const el = document.createElement('backchannel-explainer');
      el.id = 'case';
      const ready = new Promise((ok) => el.addEventListener('backchannel:ready', ok, { once: true }));
      document.getElementById('main').replaceChildren(el);
      await ready;
      for (const [name, input] of Object.entries(inputs)) {
        let thrown;
        try {
          await el.backchannel.loadPack(input);
        } catch (e) {
          thrown = e.message.slice(0, 200);
        }
        out.push({ name: `loadPack ${name}`, thrown });
      }
      return out;
    },
    { arrays: DEEP_ARRAYS, objects: DEEP_OBJECTS, huge: HUGE },
  );
  for (const r of results) {
    if (r.name === '4 MB name' || r.name === 'loadPack 4 MB name') continue;
    if (r.name.startsWith('loadPack')) assert.ok(r.thrown, `${r.name}: refused`);
    else {
      assert.equal(r.ok, false, r.name);
      assert.ok(r.problems.length > 0 && r.problems.every((p) => /[a-z]/i.test(p)), `${r.name}: ${r.problems}`);
    }
  }
  assert.equal(results.find((r) => r.name === '4 MB name').ok, true);
  // The last loadPack (the 4 MB name) was accepted and shows.
  await page.locator('#case .bc-bubble-text').first().waitFor({ timeout: 20_000 });
  await inert(opened, 'loadPack');
  await responsive(page);
  assert.deepEqual(unexpected(errors, false), []);
  await opened.context.close();
});

test('the audit sees what it looks for (a control: markup planted on purpose is found, and runs)', async () => {
  const opened = await host();
  const { page } = opened;
  await mount(page, {});
  await page.evaluate((pwn) => {
    const root = document.querySelector('#case').shadowRoot.querySelector('.bc-mount');
    const planted = document.createElement('div');
    planted.innerHTML = `<img src=x onerror="${pwn}"><svg onload="${pwn}"></svg><a href="javascript:${pwn}">x</a><style>*{display:none}</style>`;
    root.append(planted);
    planted.append(document.createElement('script'));
  }, PWN);
  await page.waitForFunction(() => window.__pwned === 1);
  const { found, pwned } = await audit(page);
  assert.equal(pwned, 1);
  for (const what of ['img[onerror]', 'svg[onload]', 'a[href=javascript:window.__pwned=1]', 'style', 'script', 'img']) {
    assert.ok(found.includes(what), `${what} found: ${found}`);
  }
  await opened.context.close();
});
