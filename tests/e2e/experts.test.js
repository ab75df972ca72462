// The experts' cards as a reader sees them: on a phone one card at a time,
// picked by the experts' names (radios, by pointer or arrow keys); on a wide
// screen and in print every card, and no radio.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, ready, harness, explainerPage, goToBeatId } from './support.js';

const env = harness({ '/dark.html': explainerPage('theme="dark"') });

/** The names on the cards a reader can see, in order. */
function shownCards(page) {
  return page
    .locator('[data-backchannel] .bc-experts .bc-card')
    .evaluateAll((cards) => cards.filter((c) => c.checkVisibility()).map((c) => c.querySelector('.bc-card-name').textContent));
}

/** The experts' names, as the story lists them. */
function allNames(page) {
  return page.locator('[data-backchannel] .bc-experts .bc-card-name').allTextContents();
}

for (const path of ['/', '/dark.html']) {
  test(`on a phone one expert's card at a time, picked by name with the pointer or the arrow keys (${path})`, async () => {
    const { context, page, errors } = await open(env.browser, `${env.server.url}${path}`, {
      viewport: { width: 390, height: 844 },
    });
    await ready(page);
    await goToBeatId(page, 'predictions');
    const names = await allNames(page);
    assert.ok(names.length >= 2, 'the step shows several experts');
    const radios = page.locator('[data-backchannel] .bc-experts').getByRole('radio');
    assert.deepEqual(await radios.evaluateAll((rs) => rs.map((r) => r.labels[0].textContent.trim())), names);
    assert.deepEqual(await shownCards(page), [names[0]], 'the first card alone');
    // Every chip is a 44 px target inside the explainer's width.
    for (const box of await radios.evaluateAll((rs) => rs.map((r) => r.labels[0].getBoundingClientRect().toJSON()))) {
      assert.ok(box.height >= 44 && box.right <= 390, JSON.stringify(box));
    }

    await page.locator('[data-backchannel] .bc-expert-pick').nth(1).click();
    assert.deepEqual(await shownCards(page), [names[1]], 'a tap shows that expert');

    await radios.nth(1).focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await radios.nth(2).isChecked(), true, 'ArrowRight picks the next name');
    assert.deepEqual(await shownCards(page), [names[2]]);
    const outline = await page
      .locator('[data-backchannel] .bc-expert-pick')
      .nth(2)
      .evaluate((l) => getComputedStyle(l).outlineStyle);
    assert.equal(outline, 'solid', 'the focused name shows its focus');

    // Enter on a name submits nothing (the radios sit in a form, see
    // ui/experts.rs): the page stays, with its explainer.
    const url = page.url();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(200);
    assert.equal(page.url(), url, 'Enter navigated');
    assert.equal(await radios.nth(2).isChecked(), true);
    assert.deepEqual(await shownCards(page), [names[2]]);

    // The pick holds while the day moves (the radios are not redrawn checked).
    await page.evaluate(() => document.querySelector('[data-backchannel]').backchannel.seek(300));
    await page.waitForTimeout(100);
    assert.deepEqual(await shownCards(page), [names[2]]);

    // Another step and back: a card still shows, never none.
    await goToBeatId(page, 'act');
    await goToBeatId(page, 'predictions');
    assert.equal((await shownCards(page)).length, 1);

    // In print every card shows, and no name chip.
    await page.emulateMedia({ media: 'print' });
    assert.deepEqual(await shownCards(page), names, 'print keeps every card');
    assert.equal(await radios.evaluateAll((rs) => rs.filter((r) => r.labels[0].checkVisibility()).length), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('at 1280 px every expert card shows and no name chip does', async () => {
  const { context, page, errors } = await open(env.browser, `${env.server.url}/`, { viewport: { width: 1280, height: 800 } });
  await ready(page);
  await goToBeatId(page, 'predictions');
  assert.deepEqual(await shownCards(page), await allNames(page));
  const radios = page.locator('[data-backchannel] .bc-experts').getByRole('radio');
  assert.equal(await radios.count(), 0, 'no radio where every card shows');
  assert.deepEqual(errors, []);
  await context.close();
});
