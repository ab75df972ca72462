// The live region during playback: a screen-reader user hears what matters
// (the post and what it does at once, the end), a few times over the whole
// playback, never every frame. (Crossings of the compromise marks during playback are
// tested natively: Macron's post takes compromise past both at once.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, ready, harness, explainerPage } from './support.js';

const env = harness({ '/top.html': explainerPage() });

test('a whole playback is announced a few times, in words that matter', async () => {
  const { context, page, errors } = await open(env.browser, `${env.server.url}/top.html`, { viewport: { width: 390, height: 844 } });
  await ready(page);
  // Every text the polite live region takes, as a screen reader would hear it.
  await page.evaluate(() => {
    const live = document.querySelector('[data-backchannel]').shadowRoot.querySelector('[aria-live="polite"]');
    window.heard = [];
    new MutationObserver(() => {
      const text = live.textContent.trim();
      if (text && text !== window.heard.at(-1)) window.heard.push(text);
    }).observe(live, { childList: true, characterData: true, subtree: true });
  });
  await page.getByRole('switch', { name: 'Make it public' }).click();
  // Until the playback ends (about 25 s at 1x), however long this machine
  // takes: the end is what the region must say last.
  const started = Date.now();
  await page.waitForFunction(
    () => !document.querySelector('[data-backchannel]').backchannel.state().playing && window.heard.length > 0,
    null,
    { timeout: 120_000, polling: 250 },
  );
  const seconds = (Date.now() - started) / 1000;
  assert.ok(seconds > 5, `the playback ran (${seconds} s)`);
  const heard = await page.evaluate(() => window.heard);
  assert.ok(heard.length >= 2 && heard.length <= 5, `announcements: ${JSON.stringify(heard)}`);
  assert.match(heard[0], /now public\. In the model, trust falls to \d+% and the room for compromise to \d+%/);
  const trust = Number(heard[0].match(/trust falls to (\d+)%/)[1]);
  assert.ok(trust < 50, `the post takes trust below half at once: ${heard[0]}`);
  assert.match(heard.at(-1), /Playback finished/);
  assert.equal((await page.evaluate(() => document.querySelector('[data-backchannel]').backchannel.state())).playing, false);
  assert.deepEqual(errors, []);
  await context.close();
});
