// The story pack editor (dist/pack-editor.html): loads a pack (a shipped
// one, a file, or pasted text), lists every problem with its path as the
// editor types — checked by the explainer's own rules through the loader's
// validatePack, the same as validate-pack — selects each problem's place in
// the text, previews the last sound pack, and downloads the file. No server:
// everything happens in the page.
import { validatePack } from './backchannel.js';

const text = document.querySelector('#pack-text');
const status = document.querySelector('#status');
const list = document.querySelector('#problems');
const preview = document.querySelector('#preview');
const shipped = document.querySelector('#shipped');

/** A pack waiting for the preview to be ready, and whether it is. */
let waiting = null;
let previewReady = false;
preview.addEventListener('backchannel:ready', () => {
  previewReady = true;
  if (waiting) show(waiting);
});

/** Shows a sound pack in the preview (or keeps it until the preview is ready). */
function show(pack) {
  waiting = pack;
  if (!previewReady || !preview.backchannel) return;
  waiting = null;
  preview.backchannel.loadPack(pack).catch(() => {
    // loadPack has shown the refusal in the preview and logged it.
  });
}

let timer;
let checked = 0;
text.addEventListener('input', () => {
  // Marked until the check of this text is shown (tests wait on it).
  text.dataset.checked = 'stale';
  clearTimeout(timer);
  timer = setTimeout(check, 300);
});

/** Checks the text and lists what is wrong, or previews it. */
async function check() {
  const source = text.value;
  const run = ++checked;
  const result = await validatePack(source);
  if (run !== checked || source !== text.value) return; // a newer check is on its way
  list.replaceChildren(...result.problems.map((p) => problem(source, p)));
  text.dataset.checked = String(run);
  if (result.ok) {
    status.className = 'is-ok';
    status.textContent = `No problems. ${result.summary}.`;
    show(JSON.parse(source));
  } else {
    status.className = 'is-bad';
    const n = result.problems.length;
    status.textContent = n === 1 ? '1 problem.' : `${n} problems.`;
  }
}

/** One problem: its path as a button that selects its place in the text. */
function problem(source, { path, problem }) {
  const item = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = path || '(the whole pack)';
  button.setAttribute('aria-label', `Select ${path || 'the whole pack'} in the text`);
  button.addEventListener('click', () => {
    const [start, end] = locate(source, path);
    text.focus();
    text.setSelectionRange(start, end);
    // Bring the selection into view: put the caret line near the top.
    const line = source.slice(0, start).split('\n').length - 1;
    const height = parseFloat(getComputedStyle(text).lineHeight) || 19;
    text.scrollTop = Math.max(0, line * height - 3 * height);
  });
  item.append(button, ` ${problem}`);
  return item;
}

async function loadText(value) {
  text.value = value;
  await check();
}

document.querySelector('#load-shipped').addEventListener('click', async () => {
  const response = await fetch(shipped.value);
  await loadText(await response.text());
});

document.querySelector('#file').addEventListener('change', async (event) => {
  const [file] = event.target.files;
  if (file) await loadText(await file.text());
});

document.querySelector('#download').addEventListener('click', () => {
  let name = 'story-pack.json';
  try {
    const id = JSON.parse(text.value).id;
    if (typeof id === 'string' && /^[\w-]+$/.test(id)) name = `${id}.json`;
  } catch {
    // Not JSON yet: download it as it is.
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text.value], { type: 'application/json' }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
});

/**
 * Where a problem's path is in the JSON text, as [start, end] offsets: the
 * key and value it names, or the nearest enclosing one that exists (a
 * missing field selects the object that lacks it).
 */
export function locate(source, path) {
  let root;
  try {
    root = parse(source);
  } catch {
    return [0, 0];
  }
  let node = root;
  let span = [root.start, root.end];
  for (const step of steps(path)) {
    const next = node.kind === 'object' ? node.entries.find((e) => e.key === step) : node.kind === 'array' ? node.items[step] : undefined;
    if (!next) break;
    node = next.value ?? next;
    span = [next.keyStart ?? node.start, node.end];
  }
  return span;
}

/** A path's steps: `strings.en.beat.act.title` keeps the key's dots. */
function steps(path) {
  const out = [];
  for (const part of path.split('.')) {
    const [name, ...indices] = part.split('[');
    if (name !== '') out.push(name);
    for (const i of indices) out.push(Number(i.replace(']', '')));
  }
  if (out[0] === 'strings' && out.length > 3) return [out[0], out[1], out.slice(2).join('.')];
  return out;
}

/** A small JSON parser that keeps where each value and key is. */
function parse(s) {
  let i = 0;
  const space = () => {
    while (i < s.length && ' \t\n\r'.includes(s[i])) i++;
  };
  const string = () => {
    const start = i++;
    while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
    i++;
    return { start, end: i, kind: 'string', text: JSON.parse(s.slice(start, i)) };
  };
  const value = () => {
    space();
    const start = i;
    if (s[i] === '{') {
      i++;
      const entries = [];
      space();
      while (s[i] !== '}') {
        space();
        const key = string();
        space();
        i++; // :
        const v = value();
        entries.push({ key: key.text, keyStart: key.start, value: v });
        space();
        if (s[i] === ',') i++;
        space();
        if (i >= s.length) throw new Error('unterminated object');
      }
      i++;
      return { start, end: i, kind: 'object', entries };
    }
    if (s[i] === '[') {
      i++;
      const items = [];
      space();
      while (s[i] !== ']') {
        items.push(value());
        space();
        if (s[i] === ',') i++;
        space();
        if (i >= s.length) throw new Error('unterminated array');
      }
      i++;
      return { start, end: i, kind: 'array', items };
    }
    if (s[i] === '"') return string();
    while (i < s.length && !',}] \t\n\r'.includes(s[i])) i++;
    if (i === start) throw new Error('expected a value');
    return { start, end: i, kind: 'literal' };
  };
  return value();
}

// Open with the built-in pack, so there is something to edit and preview.
const params = new URLSearchParams(location.search);
const first = params.get('pack') ?? shipped.value;
if ([...shipped.options].some((o) => o.value === first)) shipped.value = first;
fetch(shipped.value)
  .then((r) => r.text())
  .then(loadText);
