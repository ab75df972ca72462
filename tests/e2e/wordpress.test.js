// The WordPress plugin (dist/backchannel-wordpress.zip, `make wordpress`) in a
// real WordPress: Debian's wordpress package with Twenty Twenty-Three, a
// MariaDB and PHP's built-in server started here on loopback (and stopped
// here, also when a test fails), the plugin unzipped into the site and
// activated. Posts are saved as an administrator and as an author (who lacks
// unfiltered_html, so KSES filters what they save) with the block, the
// shortcode in a Shortcode block, the shortcode in a classic-editor post and
// the embed page's URL in an Embed block (oEmbed); each is read in Chromium
// at 390 and 1280 px: ready, the flip, layout shift while it loads, its width
// against the theme's text column, the static story verbatim with JavaScript
// off, and no code printed as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, ROOT, launch, screenshot } from './support.js';

const WORDPRESS = '/usr/share/wordpress';
const THEME = join(WORDPRESS, 'wp-content/themes/twentytwentythree');
const ZIP = join(DIST, 'backchannel-wordpress.zip');
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const WIDE = { viewport: { width: 1280, height: 800 } };
const LEAD = 'Lead paragraph of the article, just above the explainer.';
const FILLER = 'Text of the article after the explainer. '.repeat(12);

const env = { children: [] };
const results = [];

const freePort = () =>
  new Promise((ok, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });

/** A server of ours, in its own process group so stopping it stops all of it. */
function start(command, args, options = {}) {
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'], ...options });
  child.log = '';
  child.stderr.on('data', (d) => (child.log = (child.log + d).slice(-4000)));
  env.children.push(child);
  return child;
}

/** Stops every server this test started; resolves once they have exited. */
function stopAll() {
  const running = env.children.splice(0).filter((child) => child.exitCode === null && child.signalCode === null);
  const exited = running.map((child) => new Promise((ok) => child.once('exit', ok)));
  for (const child of running) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {}
  }
  return Promise.all(exited);
}
// Also when the runner exits without reaching after() (an uncaught error).
process.on('exit', stopAll);

async function until(what, check, timeout = 60000) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      if (await check()) return;
    } catch {}
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 250));
  }
}

/** Runs PHP with WordPress loaded (the script is placed in the site). */
function php(site, code, extra = '', vars = {}) {
  const file = join(site, `bc-${Date.now()}-${Math.random().toString(36).slice(2)}.php`);
  const script = `<?php\n${extra}\n$_SERVER['HTTP_HOST'] = parse_url(getenv('BC_URL'), PHP_URL_HOST) . ':' . parse_url(getenv('BC_URL'), PHP_URL_PORT);\n$_SERVER['REQUEST_URI'] = '/';\nrequire __DIR__ . '/wp-load.php';\n${code}\n`;
  return writeFile(file, script)
    .then(() => execFileSync('php', [file], { stdio: ['ignore', 'pipe', 'pipe'], cwd: site, env: { ...process.env, BC_URL: env.url, ...vars }, encoding: 'utf8' }))
    .finally(() => rm(file, { force: true }));
}

const block = (name, attrs = '') => `<!-- wp:${name}${attrs ? ` ${attrs}` : ''} /-->`;
const paragraph = (text) => `<!-- wp:paragraph -->\n<p>${text}</p>\n<!-- /wp:paragraph -->`;
const embedBlock = (url) =>
  `<!-- wp:embed {"url":"${url}","type":"rich","providerNameSlug":"backchannel"} -->\n` +
  `<figure class="wp-block-embed is-type-rich is-provider-backchannel wp-block-embed-backchannel"><div class="wp-block-embed__wrapper">\n${url}\n</div></figure>\n<!-- /wp:embed -->`;

/** What each post holds, as the editor saves it. */
const CODES = {
  block: () => [paragraph(LEAD), block('backchannel/explainer'), paragraph(FILLER)].join('\n\n'),
  shortcode: () => [paragraph(LEAD), '<!-- wp:shortcode -->\n[backchannel]\n<!-- /wp:shortcode -->', paragraph(FILLER)].join('\n\n'),
  classic: () => `${LEAD}\n\n[backchannel]\n\n${FILLER}`,
  oembed: () => [paragraph(LEAD), embedBlock(`${env.base}embed.html`), paragraph(FILLER)].join('\n\n'),
  // The embed code `make dist` wrote, pasted into a Custom HTML block: for
  // those with unfiltered_html (an author's loses its markup to KSES).
  html: () => [paragraph(LEAD), `<!-- wp:html -->\n${env.pasted}\n<!-- /wp:html -->`, paragraph(FILLER)].join('\n\n'),
};
const ROLES = ['administrator', 'author'];
// Saved too, outside the table: the shortcode with attributes.
const ATTRIBUTES = '[backchannel lang="fr" theme="dark" scenario="only-macron"]';

before(async () => {
  const started = Date.now();
  env.tmp = await mkdtemp(join(tmpdir(), 'backchannel-wp-'));
  const db = join(env.tmp, 'db');
  const site = (env.site = join(env.tmp, 'site'));

  // MariaDB: a data directory of its own, on a loopback port, no grants
  // (nothing but this test reaches it).
  execFileSync('mariadb-install-db', ['--no-defaults', `--datadir=${db}`, '--user=root', '--skip-test-db', '--auth-root-authentication-method=normal'], { stdio: 'ignore' });
  const dbPort = await freePort();
  const mariadb = start('/usr/sbin/mariadbd', [
    '--no-defaults',
    `--datadir=${db}`,
    `--socket=${join(env.tmp, 'mysqld.sock')}`,
    `--pid-file=${join(env.tmp, 'mysqld.pid')}`,
    `--port=${dbPort}`,
    '--bind-address=127.0.0.1',
    '--user=root',
    '--skip-grant-tables',
    '--innodb-buffer-pool-size=32M',
  ]);
  await until('MariaDB', () => {
    if (mariadb.exitCode !== null) throw new Error(`mariadbd exited: ${mariadb.log}`);
    execFileSync('mariadb', ['--no-defaults', '-h127.0.0.1', `-P${dbPort}`, '-uroot', '-e', 'CREATE DATABASE IF NOT EXISTS wordpress'], { stdio: 'ignore' });
    return true;
  });

  // The site: Debian's WordPress code (wp-includes linked, the rest copied,
  // so that they find this site's wp-config.php rather than Debian's
  // /etc/wordpress), a wp-content of its own with Twenty
  // Twenty-Three and the plugin from the zip.
  await mkdir(join(site, 'wp-content/plugins'), { recursive: true });
  await mkdir(join(site, 'wp-content/themes'), { recursive: true });
  await mkdir(join(site, 'wp-content/uploads'), { recursive: true });
  for (const entry of await readdir(WORDPRESS)) {
    if (entry === 'wp-config.php' || entry === 'wp-content') continue;
    if (entry.endsWith('.php')) await copyFile(join(WORDPRESS, entry), join(site, entry));
    // wp-admin's pages load ../wp-load.php: a copy (10 MB), not a link.
    else if (entry === 'wp-admin') await cp(join(WORDPRESS, entry), join(site, entry), { recursive: true });
    else await symlink(join(WORDPRESS, entry), join(site, entry));
  }
  await symlink(THEME, join(site, 'wp-content/themes/twentytwentythree'));
  execFileSync('unzip', ['-q', ZIP, '-d', join(site, 'wp-content/plugins')]);
  const port = await freePort();
  env.url = `http://127.0.0.1:${port}`;
  await writeFile(
    join(site, 'wp-config.php'),
    `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', '127.0.0.1:${dbPort}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`,
  );
  // PHP's built-in server, with workers: the oEmbed fetch is a request from
  // the site to itself.
  const server = start('php', ['-S', `127.0.0.1:${port}`, '-t', site], { env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' } });
  await until('PHP', async () => {
    if (server.exitCode !== null) throw new Error(`php -S exited: ${server.log}`);
    await fetch(`${env.url}/wp-includes/css/dashicons.min.css`);
    return true;
  });

  await php(
    site,
    `require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('Backchannel test', 'admin', 'admin@example.org', false, '', 'admin-password');
update_option('siteurl', getenv('BC_URL'));
update_option('home', getenv('BC_URL'));`,
    "define('WP_INSTALLING', true);",
  );
  // Where the plugin serves the shipped files (its own copy).
  env.base = `${env.url}/wp-content/plugins/backchannel/dist/`;
  const code = (await readFile(join(DIST, 'embed-code.en.txt'), 'utf8')).trim();
  env.pasted = code.replaceAll(code.match(/src="([^"]*)backchannel\.js"/)[1], env.base);
  const codes = Object.fromEntries(Object.entries(CODES).map(([code, content]) => [code, content()]));
  codes.attributes = `${LEAD}\n\n${ATTRIBUTES}\n\n${FILLER}`;
  // In a file: the pasted embed code is larger than an environment variable may be.
  const codesFile = join(env.tmp, 'codes.json');
  await writeFile(codesFile, JSON.stringify(codes));
  const posts = JSON.parse(
    await php(
      site,
      `require_once ABSPATH . 'wp-admin/includes/plugin.php';
switch_theme('twentytwentythree');
$activated = activate_plugin('backchannel/backchannel.php');
if (is_wp_error($activated)) { fwrite(STDERR, $activated->get_error_message()); exit(1); }
$author = wp_insert_user(array('user_login' => 'author', 'user_pass' => 'author-password', 'user_email' => 'author@example.org', 'role' => 'author'));
$codes = json_decode(file_get_contents(getenv('BC_CODES')), true);
$out = array('base' => backchannel_base_url());
foreach (array('administrator' => 1, 'author' => $author) as $role => $user) {
  // As the editor saves a post: as that user, so KSES filters an author's.
  wp_set_current_user($user);
  foreach ($codes as $code => $content) {
    $id = wp_insert_post(array('post_title' => "$code by $role", 'post_content' => $content, 'post_status' => 'publish', 'post_author' => $user), true);
    if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message()); exit(1); }
    $out['posts'][$code][$role] = array('url' => get_permalink($id), 'saved' => get_post_field('post_content', $id, 'raw'));
  }
}
echo wp_json_encode($out);`,
      '',
      { BC_CODES: codesFile },
    ),
  );
  env.posts = posts.posts;
  assert.equal(posts.base, env.base);
  env.browser = await launch();
  env.setup = Date.now() - started;
  console.log(`WordPress set-up (database, site, install, plugin, posts): ${(env.setup / 1000).toFixed(1)} s`);
});

after(async () => {
  if (results.length) {
    console.log('code × role                 page  ready  flip  CLS    explainer / column width, gap above');
    for (const r of results) {
      const g = r.geometry;
      console.log(
        `${`${r.code} × ${r.role}`.padEnd(26)} ${String(r.width).padStart(5)}  ${r.ready ? 'yes' : 'NO '}    ${r.flip ? 'yes' : 'NO '}   ${r.cls.toFixed(3)}  ${Math.round(g.width)} / ${Math.round(g.columnWidth)} px, ${Math.round(g.gap)} px`,
      );
    }
  }
  await env.browser?.close();
  await stopAll();
  if (env.tmp) await rm(env.tmp, { recursive: true, force: true });
});

/** Reads one post in Chromium at one width; returns what it measured. */
async function read(url, size, { code, name }) {
  const context = await env.browser.newContext(size);
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // Layout shifts without recent input, from the first paint on.
    await page.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(url);
    const framed = code === 'oembed';
    let scope = page;
    if (framed) {
      await page.locator('iframe[src*="embed.html"]').waitFor();
      await until('the embed frame', () => page.frames().some((f) => f.url().includes('embed.html')), 20000);
      scope = page.frames().find((f) => f.url().includes('embed.html'));
    }
    await scope.waitForFunction(() => performance.getEntriesByName('backchannel:ready').length > 0, null, { timeout: 30000 });
    // Late shifts: the frame's resize after ready.
    await page.waitForTimeout(1500);
    const cls = await page.evaluate(() => window.__cls);
    const box = framed ? 'iframe[src*="embed.html"]' : 'backchannel-explainer';
    const geometry = await page.evaluate(
      ({ box, lead }) => {
        const p = [...document.querySelectorAll('p')].find((e) => e.textContent.trim() === lead);
        const b = document.querySelector(box).getBoundingClientRect();
        const c = p.getBoundingClientRect();
        return { left: b.left, width: b.width, top: b.top, columnLeft: c.left, columnWidth: c.width, gap: b.top - c.bottom };
      },
      { box, lead: LEAD },
    );
    const loaders = await page.evaluate(() => [...document.querySelectorAll('script[src*="backchannel.js"]')].map((s) => s.type));
    const text = await page.evaluate(() => document.body.innerText);
    if (name) await screenshot(page, name, { fullPage: false });
    // The flip: the reader makes the message public.
    await scope.locator('backchannel-explainer [role=switch]').first().click();
    await scope.waitForFunction(() => document.querySelector('backchannel-explainer').backchannel.state().public === true, null, { timeout: 10000 });
    const state = await scope.evaluate(() => document.querySelector('backchannel-explainer').backchannel.state());
    return { cls, geometry, loaders, text, errors, flip: true, state };
  } finally {
    await context.close();
  }
}

// Code printed as text in the article: tags, the shortcode, script source.
const CODE_AS_TEXT = /<\/?(script|iframe|template|noscript|backchannel|div|link)\b|\[\/?backchannel|addEventListener|shadowrootmode|wp:backchannel/;

for (const code of Object.keys(CODES)) {
  for (const role of ROLES) {
    if (code === 'html' && role === 'author') continue;
    test(`${code} saved by an ${role}: ready, flip, no layout shift, the theme's column, at 390 and 1280 px`, async () => {
      const post = env.posts[code][role];
      for (const [size, label] of [
        [PHONE, 390],
        [WIDE, 1280],
      ]) {
        const shot = role === 'author' && (code === 'block' || code === 'shortcode') ? `wordpress-${code}-author-${label}` : null;
        const r = await read(post.url, size, { code, name: shot });
        results.push({ code, role, width: label, ready: true, flip: r.flip, cls: r.cls, geometry: r.geometry });
        assert.deepEqual(r.errors, [], `${code}/${role}/${label}: page errors`);
        assert.ok(r.cls <= 0.05, `${code}/${role}/${label}: CLS ${r.cls.toFixed(3)} > 0.05`);
        const g = r.geometry;
        assert.ok(Math.abs(g.width - g.columnWidth) <= 1 && Math.abs(g.left - g.columnLeft) <= 1, `${code}/${role}/${label}: ${g.width} px at ${g.left}, the column ${g.columnWidth} px at ${g.columnLeft}`);
        assert.ok(g.gap >= 8, `${code}/${role}/${label}: ${g.gap} px below the paragraph above (the theme's block gap)`);
        assert.doesNotMatch(r.text, CODE_AS_TEXT, `${code}/${role}/${label}: code printed as text`);
        if (code !== 'oembed') assert.deepEqual(r.loaders, ['module'], `${code}/${role}/${label}: the loader once, as a module`);
      }
    });
  }
}

test('the static story and the first view reach the page byte for byte, and readers without JavaScript read the story', async () => {
  const code = await readFile(join(DIST, 'embed-code.en.txt'), 'utf8');
  const built = code.match(/src="([^"]*)backchannel\.js"/)[1];
  const here = code.replaceAll(built, env.base);
  const story = here.match(/<noscript>.*<\/noscript>/s)[0];
  const first = here.match(/<template shadowrootmode="open">.*?<\/template>/s)[0];
  const reference = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await reference.newPage();
  await page.goto(`${env.base}story.en.html`);
  const expected = await page.evaluate(() => document.body.innerText);
  await reference.close();
  for (const code of ['block', 'shortcode', 'classic', 'html']) {
    for (const role of code === 'html' ? ['administrator'] : ROLES) {
      const { url } = env.posts[code][role];
      const html = await (await fetch(url)).text();
      assert.ok(html.includes(story), `${code}/${role}: the static story is not in the page byte for byte`);
      assert.ok(html.includes(first), `${code}/${role}: the first view is not in the page byte for byte`);
      const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
      const p = await context.newPage();
      await p.goto(url);
      const read = await p.evaluate(() => document.querySelector('backchannel-explainer noscript').parentElement.innerText);
      assert.equal(read.trim(), expected.trim(), `${code}/${role}: the story as a reader without JavaScript reads it`);
      assert.doesNotMatch(await p.evaluate(() => document.body.innerText), CODE_AS_TEXT, `${code}/${role}: code printed as text without JavaScript`);
      await context.close();
    }
  }
});

test('an embed code pasted by an author loses its markup to KSES (the block and the shortcode are for authors)', () => {
  const saved = env.posts.html.author.saved;
  assert.doesNotMatch(saved, /<script|<template|<backchannel-explainer|<noscript/);
});

test("an author's post keeps only the block's or the shortcode's attributes; the page has the element with them", async () => {
  const saved = env.posts.block.author.saved;
  assert.match(saved, /<!-- wp:backchannel\/explainer \/-->/);
  const html = await (await fetch(env.posts.shortcode.author.url)).text();
  assert.match(html, /<backchannel-explainer lang="en" scenario="what-happened">/);
  assert.equal((html.match(/<script[^>]*backchannel\.js/g) ?? []).length, 1, 'the loader once');
  // With attributes: the element has them, and no first view rendered
  // light in English (the loader holds the place with its box instead).
  const { url } = env.posts.attributes.author;
  const page = await (await fetch(url)).text();
  assert.match(page, /<backchannel-explainer lang="fr" scenario="only-macron" theme="dark">(?!<template)/);
  const r = await read(url, PHONE, { code: 'attributes' });
  const state = r.state;
  assert.equal(state.lang, 'fr');
  assert.equal(state.scenario, 'only-macron');
  console.log(`[backchannel lang="fr" theme="dark" scenario="only-macron"] by an author at 390 px: CLS ${r.cls.toFixed(3)} (the loader's box, no first view)`);
});

test("the plugin's resize listener (frame.js) is the README's, line for line", async () => {
  // The plugin ships the listener the README asks pages to paste: a copy
  // that must not drift from it.
  const code = (text) => text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('//'));
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const snippet = readme.match(/<script>\n(\s*addEventListener\('message'[\s\S]*?)<\/script>/)?.[1];
  assert.ok(snippet, "the README's resize listener");
  const plugin = await readFile(join(ROOT, 'wordpress/backchannel/frame.js'), 'utf8');
  assert.deepEqual(code(plugin), code(snippet));
});

test('oEmbed: the embed page links its oEmbed document; the plugin answers with the iframe code', async () => {
  const page = await (await fetch(`${env.base}embed.html`)).text();
  assert.match(page, /<link rel="alternate" type="application\/json\+oembed" href="[^"]*oembed\.json"/);
  const answer = await (await fetch(`${env.url}/?rest_route=/backchannel/v1/oembed&url=${encodeURIComponent(`${env.base}embed.html?scenario=only-macron`)}`)).json();
  assert.equal(answer.type, 'rich');
  assert.match(answer.html, new RegExp(`^<iframe src="${env.base.replace(/[.?]/g, '\\$&')}embed\\.html\\?scenario=only-macron"[^\\n]*style="display:block; margin:0 auto"></iframe>$`));
});

test('an author inserts the block in the block editor, sets its language, publishes, and readers get it', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${env.url}/wp-login.php`);
    await page.fill('#user_login', 'author');
    await page.fill('#user_pass', 'author-password');
    await Promise.all([page.waitForURL(/wp-admin/), page.click('#wp-submit')]);
    await page.goto(`${env.url}/wp-admin/post-new.php`);
    await page.waitForFunction(() => window.wp?.blocks?.getBlockType('backchannel/explainer') && window.wp.data.select('core/editor').getCurrentPostId(), null, { timeout: 60000 });
    await page.evaluate(() => {
      const { blocks, data } = window.wp;
      data.dispatch('core/block-editor').insertBlocks([
        blocks.createBlock('core/paragraph', { content: 'Lead paragraph of the article, just above the explainer.' }),
        blocks.createBlock('backchannel/explainer', { lang: 'fr' }),
      ]);
    });
    // The editor shows the block as a placeholder naming it.
    await page.getByText('Backchannel explainer', { exact: true }).first().waitFor();
    const saved = await page.evaluate(async () => {
      const { data } = window.wp;
      data.dispatch('core/editor').editPost({ title: 'block from the editor', status: 'publish' });
      await data.dispatch('core/editor').savePost();
      return { content: data.select('core/editor').getEditedPostContent(), link: data.select('core/editor').getCurrentPost().link, status: data.select('core/editor').getCurrentPost().status };
    });
    assert.equal(saved.status, 'publish');
    assert.match(saved.content, /<!-- wp:backchannel\/explainer \{"lang":"fr"\} \/-->/);
    const reader = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
    const p = await reader.newPage();
    await p.goto(saved.link);
    await p.waitForFunction(() => performance.getEntriesByName('backchannel:ready').length > 0, null, { timeout: 30000 });
    assert.equal(await p.evaluate(() => document.querySelector('backchannel-explainer').backchannel.state().lang), 'fr');
    await reader.close();
  } finally {
    await context.close();
  }
});
