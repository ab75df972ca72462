// Step heights on a phone: each step of the demo's explainer at 390 px, in
// English and French, with its message private and then public (where the
// step has a switch), in CSS pixels, next to the phone's screen height.
// Prints numbers; asserts none. `node scripts/bench/steps.mjs` after
// `make dist`.
import { serve, launch, open, ready, beatIds } from '../../tests/e2e/support.js';
import { PHONE, settle, table } from './common.mjs';

const server = await serve();
const browser = await launch();
const rows = [];
try {
  for (const lang of ['en', 'fr']) {
    const { page, context } = await open(browser, `${server.url}/`, { viewport: PHONE, reducedMotion: 'reduce' });
    await ready(page);
    await page.evaluate((lang) => document.querySelector('[data-backchannel]').backchannel.setLanguage(lang), lang);
    const ids = await beatIds(page);
    for (const [n, id] of ids.entries()) {
      await page.evaluate((n) => document.querySelector('[data-backchannel]').backchannel.goToBeat(n), n);
      await settle(page);
      // Playwright's locators reach into the explainer's shadow root.
      const height = async () => Math.round((await page.locator('[data-backchannel] .bc-beat').first().boundingBox()).height);
      const privately = await height();
      const sw = page.getByRole('switch').first();
      let publicly = '';
      if ((await sw.count()) > 0 && (await sw.getAttribute('aria-checked')) === 'false') {
        await sw.click();
        await settle(page);
        publicly = await height();
        await sw.click();
        await settle(page);
      }
      rows.push([`${lang} ${n + 1} ${id}`, privately, publicly, (privately / PHONE.height).toFixed(1)]);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`// step heights at ${PHONE.width}×${PHONE.height} px (the step's own block, under reduced motion)`);
table(['step', 'private px', 'public px', 'screens'], rows);
