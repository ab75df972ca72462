// The reader's main path in every engine: WebKit (Debian's WebKitGTK, the
// engine family of Safari on every iPhone: WebKitWebDriver with MiniBrowser,
// under xvfb-run) and Firefox ESR (geckodriver). Load, flip, play, scrub, a
// lab change, a language switch, the iframe's height message, and removing
// the element, with no console error. Chromium runs the full suite in
// tests/e2e/. Run by `make test-engines` (part of `make test`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, DIST, explainerPage } from '../e2e/support.js';

/** A page of the host's own, with the error catcher first. */
const framePage = (body) => ({
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">${CATCH}</head><body>${body}</body></html>`,
});
import { startDriver, Session } from './webdriver.js';

// Errors the page reports, collected before anything of ours runs (classic
// WebDriver gives no console log in these engines).
const CATCH = `<script>
window.__errors = [];
const error = console.error.bind(console);
console.error = (...a) => { __errors.push(a.map(String).join(' ')); error(...a); };
addEventListener('error', (e) => __errors.push('error: ' + e.message));
addEventListener('unhandledrejection', (e) => __errors.push('rejection: ' + (e.reason && e.reason.message || e.reason)));
</script>`;

const pages = {
  '/smoke.html': explainerPage('', CATCH),
  '/frame.html': framePage(`<iframe id="f" title="Backchannel" src="/embed.html?childId=smoke" width="100%" height="200"></iframe>
<script>window.heights = []; addEventListener('message', (e) => { const d = e.data;
if (typeof d === 'string' && d.startsWith('pymxPYMxsmokexPYMxheightxPYMx')) heights.push(Number(d.split('xPYMx').pop())); });</script>`),
};

const ENGINES = [
  {
    name: 'webkit',
    driver: '/usr/bin/WebKitWebDriver',
    args: [],
    capabilities: {
      'webkitgtk:browserOptions': {
        binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    },
  },
  {
    name: 'firefox',
    driver: process.env.GECKODRIVER ?? join(homedir(), '.cargo/bin/geckodriver'),
    args: [],
    capabilities: {
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        args: ['-headless'],
        // This closed network refuses Mozilla's services: do not ask.
        prefs: {
          'app.update.enabled': false,
          'browser.shell.checkDefaultBrowser': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'network.captive-portal-service.enabled': false,
          'network.connectivity-service.enabled': false,
          'browser.safebrowsing.update.enabled': false,
          'extensions.update.enabled': false,
        },
      },
    },
  },
];

let server;
before(async () => {
  server = await serve(DIST, {}, pages);
});
after(() => server?.close());

const HOST = "document.querySelector('backchannel-explainer')";
const IN = (selector) => `return ${HOST}.shadowRoot.querySelector(${JSON.stringify(selector)});`;
const STATE = `return ${HOST}.backchannel.state();`;

for (const engine of ENGINES) {
  test(`${engine.name}: load, flip, play, scrub, lab, language, iframe height, removal; no console error`, async () => {
    const driver = await startDriver(engine.driver, engine.args);
    let session;
    try {
      session = await Session.create(driver.url, engine.capabilities);
      await session.setWindowSize(1024, 900).catch(() => {});
      await session.navigate(`${server.url}/smoke.html`);
      await session.until("return performance.getEntriesByName('backchannel:ready').length > 0", 30000, 'backchannel:ready');
      let s = await session.execute(STATE);
      assert.equal(s.public, false);
      assert.equal(s.beat, 'act');

      // Flip: a real click on the switch.
      await session.click(await session.execute(IN('[role=switch]')));
      await session.until(`return ${HOST}.backchannel.state().public`, 5000, 'public after the click');
      // Play: the flip plays the months after the post.
      const startDay = (await session.execute(STATE)).day;
      await session.until(`return ${HOST}.backchannel.state().day > ${startDay} + 5`, 10000, 'playback advances');
      await session.execute(`${HOST}.backchannel.pause();`);

      // Scrub: the timeline's slider, by keyboard.
      const scrub = await session.execute(IN('.bc-scrub-range'));
      const before = (await session.execute(STATE)).day;
      await session.click(scrub);
      await session.sendKeys(scrub, '\uE012\uE012\uE012'); // ArrowLeft ×3
      await session.until(`return ${HOST}.backchannel.state().day !== ${before}`, 5000, 'the slider moves the day');

      // The lab: a scenario chosen by a click on its radio.
      await session.execute(`${HOST}.backchannel.goToBeat(5);`);
      const radio = await session.until(IN('input[name="bc-scenario"][value="only-rutte"]'), 5000, 'the lab');
      await session.click(radio);
      await session.until(`return ${HOST}.backchannel.state().scenario === 'only-rutte'`, 5000, 'the scenario changes');

      // A language switch through the handle keeps the scenario.
      const switched = await session.executeAsync(
        `const done = arguments[arguments.length - 1];
         ${HOST}.backchannel.setLanguage('fr').then(() => done(${HOST}.backchannel.state()), (e) => done(String(e)));`,
      );
      assert.equal(switched.lang, 'fr', JSON.stringify(switched));
      assert.equal(switched.scenario, 'only-rutte');
      const title = await session.execute(`return ${HOST}.shadowRoot.querySelector('.bc-title').textContent;`);
      assert.equal(title, 'Quand un message privé devient public');

      // Removal: the explainer lets go of the element.
      await session.execute(`window.__el = ${HOST}; __el.remove();`);
      await session.until("return !('backchannel' in window.__el)", 5000, 'the handle leaves the removed element');
      const errors = await session.execute('return window.__errors;');
      assert.deepEqual(errors, [], `${engine.name}: console errors`);

      // The iframe page tells its host its height.
      await session.navigate(`${server.url}/frame.html`);
      const heights = await session.until('return window.heights.length && window.heights', 30000, 'a height message');
      assert.ok(Math.max(...heights) >= 100, `heights ${heights}`);
      assert.deepEqual(await session.execute('return window.__errors;'), [], `${engine.name}: console errors on the iframe page`);
    } finally {
      await session?.quit();
      await driver.stop();
    }
  });
}

// The single-file build (make standalone) opened from disk in Firefox, as a
// presenter would from a USB stick. Chromium runs it in tests/e2e/standalone.test.js.
test('firefox: the single file opened from disk works: ready, flip, play, language', async () => {
  const engine = ENGINES.find((e) => e.name === 'firefox');
  const driver = await startDriver(engine.driver, engine.args);
  let session;
  try {
    session = await Session.create(driver.url, engine.capabilities);
    await session.navigate(pathToFileURL(join(DIST, 'backchannel-standalone.html')).href);
    await session.until("return performance.getEntriesByName('backchannel:ready').length > 0", 30000, 'backchannel:ready from file://');
    // Errors from here on (the file has no catcher of its own).
    await session.execute(CATCH.replace(/<\/?script>/g, ''));
    await session.click(await session.execute(IN('[role=switch]')));
    await session.until(`return ${HOST}.backchannel.state().public`, 5000, 'public after the click');
    const startDay = (await session.execute(STATE)).day;
    await session.until(`return ${HOST}.backchannel.state().day > ${startDay} + 5`, 10000, 'playback advances');
    const switched = await session.executeAsync(
      `const done = arguments[arguments.length - 1];
       ${HOST}.backchannel.setLanguage('vi').then(() => done(${HOST}.backchannel.state().lang), (e) => done(String(e)));`,
    );
    assert.equal(switched, 'vi', 'the Vietnamese strings come from inside the file');
    assert.deepEqual(await session.execute('return window.__errors;'), [], 'console errors');
  } finally {
    await session?.quit();
    await driver.stop();
  }
});
