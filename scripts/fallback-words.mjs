// The loader's built-in fallback words (loader/build.js FALLBACK), for the
// loader make dist writes (postbuild.mjs) and the npm package's
// (package.mjs) alike.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The built-in story pack's first message is what the fallback quotes (for
 * an element that names another pack, the fallback is the sentence alone).
 * In English here; in another language the loader takes the words from
 * that language's file (the quotation stays in its own language, with our
 * translation beside it).
 */
export function fallbackWords(www) {
  const story = JSON.parse(readFileSync(join(www, 'packs/greenland-2026.json'), 'utf8'));
  const words = JSON.parse(readFileSync(join(www, 'locales/en.json'), 'utf8'));
  const lead = story.messages[0];
  const sender = story.senders.find((s) => s.id === lead.sender);
  return {
    lang: 'en',
    loading: words['fallback.loading'],
    loadingPlain: words['fallback.loading_plain'],
    sentence: words['fallback.sentence'],
    plain: words['fallback.plain'],
    stopped: words['fallback.stopped'],
    message: lead.text,
    quoteLang: lead.lang ?? 'en',
    lead: lead.id,
    sender: sender.name,
    recipient: lead.recipient,
    source: lead.source,
    attribution: words['fallback.attribution']
      .replace('{sender}', sender.name)
      .replace('{recipient}', lead.recipient)
      .replace('{source}', lead.source),
  };
}
