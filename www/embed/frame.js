// The iframe embed (dist/embed.html): passes the query parameters to the
// explainer, then reports the page's height to the parent page in every
// dialect newsrooms use, at once, and only when it changes:
//   pym.js v1      "pymxPYMx{childId}xPYMxheightxPYMx{px}" (and answers "width")
//   Datawrapper    { "datawrapper-height": { "<id>": px } }
//   AMP            { sentinel: "amp", type: "embed-size", height } (and
//                  { sentinel: "amp", type: "embed-ready" } once laid out)
//   Flourish-style JSON.stringify({ sender, context: "iframe.resize", method: "resize", height, src })
// A step the reader moves to (the explainer's composed backchannel:step)
// asks the parent to bring its heading into view, at its offset in this page:
//   pym.js v1      "pymxPYMx{childId}xPYMxscrollToChildPosxPYMx{px}"
//   README/others  { "backchannel-scroll": { "<id>": px } }
// The explainer has already scrolled within this page (and, where the
// browser allows, its parents).
// The first message waits until the explainer has laid out (its
// backchannel:ready, or backchannel:error, plus a frame): every parent resizes
// on every message, and an early one (the fallback text's 165 px between the
// embed code's height and the explainer's) makes the article below jump.
// Until then the document holds the loader's reservation for the first view.
const query = new URLSearchParams(location.search);
const host = document.querySelector('backchannel-explainer');
for (const name of ['scenario', 'lang', 'theme', 'config', 'pack']) {
  if (query.has(name)) host.setAttribute(name, query.get(name));
}
if (['1', 'true'].includes(query.get('autoplay'))) host.setAttribute('autoplay', '');
const childId = query.get('childId') ?? query.get('id') ?? 'backchannel';

let last = 0;
const post = (message) => window.parent !== window && window.parent.postMessage(message, '*');
// documentElement, not body: body margins collapse (pym.js issue #83).
const measure = () => Math.ceil(document.documentElement.offsetHeight);
const pym = (height) => post(`pymxPYMx${childId}xPYMxheightxPYMx${height}`);

let laidOut = false;

/** Tells the parent the height in every dialect, when it changed. */
function send() {
  if (!laidOut) return;
  const height = measure();
  if (height === last || height === 0) return;
  last = height;
  pym(height);
  post({ 'datawrapper-height': { [childId]: height } });
  post({ sentinel: 'amp', type: 'embed-size', height: Math.max(height, 100) });
  post(JSON.stringify({ sender: 'Flourish', context: 'iframe.resize', method: 'resize', height, src: location.href }));
}

window.addEventListener('message', (event) => {
  if (typeof event.data !== 'string') return;
  const parts = event.data.split('xPYMx');
  // A pym parent's "width" message asks for our height: answer it in pym's dialect.
  // Before the explainer has laid out, the first send() answers instead.
  if (laidOut && parts[0] === 'pym' && parts[1] === childId && parts[2] === 'width') pym(measure());
});

host.addEventListener('backchannel:step', (event) => {
  const heading = event.composedPath()[0];
  // 16 px of room above the heading, as the explainer leaves inside.
  const top = Math.max(0, Math.round(heading.getBoundingClientRect().top + scrollY - 16));
  post(`pymxPYMx${childId}xPYMxscrollToChildPosxPYMx${top}`);
  post({ 'backchannel-scroll': { [childId]: top } });
});

/** Opens the gate after the next frame, once (the first of ready or error). */
function settle() {
  if (laidOut) return;
  const open = () => {
    if (laidOut) return;
    laidOut = true;
    // AMP's amp-iframe hides its placeholder at this (or at the frame's load).
    post({ sentinel: 'amp', type: 'embed-ready' });
    send();
  };
  // A frame, so the explainer's first render and the loader's release of the
  // reservation are laid out; the timer covers a throttled offscreen frame,
  // where animation frames may not run.
  requestAnimationFrame(() => setTimeout(open, 0));
  setTimeout(open, 250);
}
host.addEventListener('backchannel:ready', settle, { once: true });
host.addEventListener('backchannel:error', settle, { once: true });
new ResizeObserver(() => send()).observe(document.documentElement);
await import('./backchannel.js');
