// Deliberate misuses that must not compile (tests/package/package.test.js
// checks each error, by the line that carries its marker).
import type { BackchannelConfig } from 'backchannel-explainer';

const el = document.createElement('backchannel-explainer');
el.backchannel?.setPublic('yes'); // MISUSE: wrong argument type
el.addEventListener('backchannel:public', (e) => e.detail.sender); // MISUSE: unknown event detail field
el.backchannel?.setParam('gama', 0.5); // MISUSE: unknown parameter id
const config: BackchannelConfig = { theme: 'sepia' }; // MISUSE: theme outside the schema
el.backchannel?.setLanguage('fr').then((n: number) => n); // MISUSE: the promise resolves to nothing
export { config };
