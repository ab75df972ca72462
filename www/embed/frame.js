// The iframe embed (dist/embed.html): passes the query parameters to the
// explainer, then reports the page's height to the parent page in every
// dialect newsrooms use, at once, and only when it changes:
//   pym.js v1      "pymxPYMx{childId}xPYMxheightxPYMx{px}" (and answers "width")
//   Datawrapper    { "datawrapper-height": { "<id>": px } }
//   AMP            { sentinel: "amp", type: "embed-size", height }
//   Flourish-style JSON.stringify({ sender, context: "iframe.resize", method: "resize", height, src })
const query = new URLSearchParams(location.search);
const host = document.querySelector('backchannel-explainer');
for (const name of ['scenario', 'lang', 'theme', 'config']) {
  if (query.has(name)) host.setAttribute(name, query.get(name));
}
if (['1', 'true'].includes(query.get('autoplay'))) host.setAttribute('autoplay', '');
const childId = query.get('childId') ?? query.get('id') ?? 'backchannel';

let last = 0;
const post = (message) => window.parent !== window && window.parent.postMessage(message, '*');
// documentElement, not body: body margins collapse (pym.js issue #83).
const measure = () => Math.ceil(document.documentElement.offsetHeight);
const pym = (height) => post(`pymxPYMx${childId}xPYMxheightxPYMx${height}`);

/** Tells the parent the height in every dialect, when it changed. */
function send() {
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
  if (parts[0] === 'pym' && parts[1] === childId && parts[2] === 'width') pym(measure());
});
new ResizeObserver(() => send()).observe(document.documentElement);
window.addEventListener('load', send);
send();
await import('./backchannel.js');
