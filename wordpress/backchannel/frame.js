// The README's resize listener, for the iframe a pasted embed page URL
// becomes (oEmbed): the frame follows the explainer's height, and a step the
// reader moves to is brought into view.
addEventListener('message', (e) => {
  const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === e.source);
  const size = frame && e.data && e.data['datawrapper-height'];
  const step = frame && e.data && e.data['backchannel-scroll'];
  if (size) frame.style.height = `${Object.values(size)[0]}px`;
  if (step) {
    const top = frame.getBoundingClientRect().top + scrollY + Object.values(step)[0];
    const calm = matchMedia('(prefers-reduced-motion: reduce)').matches;
    scrollTo({ top, behavior: calm ? 'auto' : 'smooth' });
  }
});
