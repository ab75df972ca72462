// The height the explainer will take, held before it arrives.
/**
 * Heights of the explainer's first view at some widths, measured in headless
 * Chromium, so nothing below it jumps when it arrives (tests/e2e/embed.test.js
 * measures the layout shift).
 */
const FIRST_VIEW = [
  [288, 2570],
  [320, 2372],
  [358, 2226],
  [390, 2181],
  [608, 1825],
  [868, 1714],
  [1040, 1656],
  [1264, 1596],
];

function reservedHeight(width) {
  const [first] = FIRST_VIEW;
  if (width <= first[0]) return first[1];
  for (let i = 1; i < FIRST_VIEW.length; i++) {
    const [w0, h0] = FIRST_VIEW[i - 1];
    const [w1, h1] = FIRST_VIEW[i];
    if (width <= w1) return Math.round(h0 + ((h1 - h0) * (width - w0)) / (w1 - w0));
  }
  return FIRST_VIEW.at(-1)[1];
}

// Both: min-height holds until the shadow stylesheet loads; from then on its
// `:host { all: initial !important }` resets min-height and reads the custom
// property instead, which `all` leaves alone.
export function reserve(host) {
  // An unknown element is inline (zero wide) until our stylesheet arrives.
  host.style.setProperty('display', 'block');
  const height = `${reservedHeight(host.clientWidth)}px`;
  host.style.setProperty('min-height', height);
  host.style.setProperty('--bc-reserve', height);
}

export function release(host) {
  host.style.removeProperty('min-height');
  host.style.removeProperty('--bc-reserve');
  host.style.removeProperty('display');
}
