// The package in a webpack 5 app: imported by name, its files (wasm, glue,
// stylesheet, languages) found by webpack through the loader's
// `new URL('./…', import.meta.url)` and emitted as assets, with no plugin
// and no loader configured for them.
import { define } from 'backchannel-explainer';

define();
const el = document.createElement('backchannel-explainer');
el.lang = 'en';
document.body.append(el);
