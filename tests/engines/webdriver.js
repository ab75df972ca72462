// A small W3C WebDriver client (the HTTP protocol every engine's driver
// speaks) for the smoke suite in WebKit and Firefox: playwright-core drives
// only Chromium here, since its WebKit and Firefox are builds of its own
// that it would download. These drive Debian's engines through their own
// drivers: WebKitWebDriver with MiniBrowser, and geckodriver with firefox-esr.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** A free loopback port for a driver. */
function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/**
 * Starts a driver (`WebKitWebDriver`, `geckodriver`) on a free port and
 * waits for it to answer `/status`. Returns `{ url, stop }`.
 */
export async function startDriver(command, args = []) {
  const port = await freePort();
  const child = spawn(command, [...args, `--port=${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`${command} exited: ${stderr}`);
    try {
      const response = await fetch(`${url}/status`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return {
    url,
    stop: () =>
      new Promise((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', ok);
        child.kill();
      }),
  };
}

/** One browser session over WebDriver. */
export class Session {
  static async create(driverUrl, capabilities) {
    const response = await fetch(`${driverUrl}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ capabilities: { alwaysMatch: capabilities } }),
    });
    const body = await response.json();
    if (!response.ok) throw new Error(`new session: ${JSON.stringify(body.value)}`);
    return new Session(`${driverUrl}/session/${body.value.sessionId}`, body.value.capabilities);
  }

  constructor(base, capabilities) {
    this.base = base;
    this.capabilities = capabilities;
  }

  async command(method, path, body) {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value)}`);
    return json.value;
  }

  navigate(url) {
    return this.command('POST', '/url', { url });
  }

  /** Runs `script` (a function body) in the page; `args` may hold element references. */
  execute(script, args = []) {
    return this.command('POST', '/execute/sync', { script, args });
  }

  /** Runs `script` in the page; it calls `arguments[arguments.length - 1](value)` when done. */
  executeAsync(script, args = []) {
    return this.command('POST', '/execute/async', { script, args });
  }

  /**
   * Clicks an element as a reader does, after scrolling it to the middle of
   * the window (a driver scrolls it to an edge, where a sticky bar such as
   * the explainer's pager may cover it).
   */
  async click(element) {
    const [x, y] = await this.execute(
      `arguments[0].scrollIntoView({ block: 'center' });
       const r = arguments[0].getBoundingClientRect();
       return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];`,
      [element],
    );
    // A pointer action at the element's centre, not the element-click
    // command: WebKitWebDriver's check of what is under the point stops at
    // the shadow host and calls every click inside a shadow root intercepted.
    await this.command('POST', '/actions', {
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', origin: 'viewport', x, y, duration: 0 },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
    return this.command('DELETE', '/actions');
  }

  sendKeys(element, text) {
    return this.command('POST', `/element/${element[ELEMENT]}/value`, { text });
  }

  setWindowSize(width, height) {
    return this.command('POST', '/window/rect', { width, height });
  }

  /** Polls `script` until it returns something truthy (at most `limit` ms). */
  async until(script, limit = 20000, what = script) {
    const end = Date.now() + limit;
    for (;;) {
      const value = await this.execute(script);
      if (value) return value;
      if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
      await sleep(100);
    }
  }

  quit() {
    return this.command('DELETE', '', undefined).catch(() => {});
  }
}

export { ELEMENT, sleep };
