// Printed: the view on screen without its controls, black on white even in
// the dark theme, the message, its source and the model's numbers kept.
// (The full static story for print is issue 11's no-JS part, not yet built.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, ready, harness, screenshot, explainerPage, animationsDone } from './support.js';

const env = harness({ '/dark.html': explainerPage('theme="dark"') });

test('print media hides the controls and prints black on white', async () => {
  const { context, page, errors } = await open(env.browser, `${env.server.url}/dark.html`, { viewport: { width: 1280, height: 800 } });
  await ready(page);
  await page.getByRole('switch', { name: 'Make it public' }).click();
  await page.evaluate(() => {
    const h = document.querySelector('[data-backchannel]').backchannel;
    h.pause();
    h.seek(360);
  });
  await page.emulateMedia({ media: 'print' });
  await animationsDone(page, 3000);
  const seen = await page.evaluate(() => {
    const root = document.querySelector('[data-backchannel]').shadowRoot;
    const shown = (s) => [...root.querySelectorAll(s)].some((el) => getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0);
    const style = getComputedStyle(root.querySelector('.bc-root'));
    return {
      controls: ['.bc-switch', '.bc-pager', '.bc-lang', '.bc-timeline', '.bc-nav'].filter(shown),
      kept: ['.bc-bubble-text', '.bc-message-foot', '[role=meter]', '.bc-badge-model'].filter(shown),
      color: style.color,
      background: style.backgroundColor,
      text: root.querySelector('.bc-root').innerText,
    };
  });
  assert.deepEqual(seen.controls, [], 'no control is printed');
  assert.deepEqual(seen.kept, ['.bc-bubble-text', '.bc-message-foot', '[role=meter]', '.bc-badge-model']);
  assert.equal(seen.color, 'rgb(0, 0, 0)');
  assert.equal(seen.background, 'rgb(255, 255, 255)');
  assert.match(seen.text, /Room for compromise/);
  await screenshot(page, 'print-1280-dark-theme');
  assert.deepEqual(errors, []);
  await context.close();
});
