// The first view pre-rendered by make dist: whether it fits this element,
// and the reader's taps on it before the explainer is ready.
import { attr, hostLanguage, inlineConfig, tellsOwnStory, themeOf } from './inputs.js';

/** Whether a pre-rendered first view is what this element starts with. */
export const fits = (host, pre) =>
  pre.lang === (hostLanguage(host) || 'en') &&
  themeOf(host) === 'light' &&
  !tellsOwnStory(host) &&
  attr(host, 'config') === null &&
  !host.config &&
  !inlineConfig(host);

/**
 * A reader's taps on the pre-rendered view's buttons (Space and Enter click
 * them too), by position, for the live explainer's same buttons to play
 * once it is ready. The switch flips at once (its sheet draws aria-checked).
 */
export function listen(pre) {
  const taps = [];
  const buttons = [...pre.querySelectorAll('button')];
  pre.onclick = ({ target }) => {
    const button = target.closest('button');
    if (!button) return;
    if (button.role === 'switch') button.ariaChecked = button.ariaChecked !== 'true';
    taps.push(buttons.indexOf(button));
  };
  return taps;
}
