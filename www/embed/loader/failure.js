// When an explainer cannot start, or stops: the console, backchannel:error
// and what the reader sees instead.
import { drop } from './wasm.js';
import { release } from './space.js';
import { fallbackWords, hasOwnFallback } from './fallback.js';

export function report(host, message, field) {
  console.error(`backchannel: ${message}`);
  host.dispatchEvent(
    new CustomEvent('backchannel:error', { bubbles: true, composed: true, detail: { message, field } }),
  );
}

/**
 * The explainer cannot start (the wasm did not load, or the config or pack
 * the host named): the fallback stays (the host's own, or the built-in box,
 * whose first line now says so), with one sentence under the host's own
 * fallback; the console and a `backchannel:error` say why, `message` with
 * its `field` (`wasm`, `config` or `pack`).
 */
export function cannotStart(entry, message, field = 'wasm') {
  report(entry.host, message, field);
  if (entry.done) return;
  release(entry.host);
  // A static story for readers without JavaScript (in a <noscript> of the
  // element: embed.html's, or an embed code's): the whole story as text is
  // the best fallback there is. It goes in the shadow root, in place of the
  // fallback, so the component's sheet styles it and the page's does not
  // (its own <link> is for readers without JavaScript: the sheet is here).
  const noscript = entry.host.querySelector(':scope > noscript');
  if (noscript && noscript.textContent.includes('bc-static') && entry.hold.isConnected) {
    const story = document.createElement('template');
    story.innerHTML = noscript.textContent;
    for (const link of story.content.querySelectorAll('link')) link.remove();
    entry.hold.replaceWith(story.content);
    return;
  }
  const lead = entry.shadow.querySelector('.bc-fallback-lead');
  if (lead) lead.textContent = lead.dataset.failed;
  // The built-in box says it now; under the host's own, say it once.
  if (hasOwnFallback(entry.host) && entry.hold.isConnected) entry.hold.append(note(fallbackWords(entry.host).plain));
}

function note(text) {
  const p = document.createElement('p');
  p.className = 'bc-fallback-note';
  p.textContent = text;
  return p;
}

/**
 * Called by the explainer's own wasm instance when Rust panics, just before
 * the instance stops for good. Only this explainer goes: its instance is
 * never reused, its DOM (whose listeners would call into the stopped
 * instance) is replaced by a readable error (under the host's own fallback,
 * if it has one), and the host hears of it. Other explainers run in
 * instances of their own.
 */
export function crashed(entry, message) {
  if (entry.instance) drop(entry.instance);
  entry.instance = undefined;
  entry.handle = undefined;
  delete entry.host.backchannel;
  report(entry.host, `stopped after an internal error (${message}); other explainers on the page are not affected`, 'internal');
  if (entry.done) return;
  const { host, shadow } = entry;
  const link = shadow.querySelector('link[rel="stylesheet"]');
  const box = document.createElement('div');
  box.className = 'bc-root bc-failure';
  box.setAttribute('role', 'alert');
  const title = document.createElement('p');
  title.className = 'bc-failure-title';
  title.textContent = fallbackWords(host).stopped;
  const detail = document.createElement('p');
  detail.className = 'bc-failure-message';
  detail.textContent = message;
  box.append(title, detail);
  // The host's own fallback comes back. The built-in message does not: the
  // host may have told another story since (loadPack), and only the stopped
  // instance knew which.
  const kept = hasOwnFallback(host) ? [document.createElement('slot')] : [];
  shadow.replaceChildren(...[link, ...kept, box].filter(Boolean));
  release(host);
}
