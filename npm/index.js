// backchannel-explainer in a browser: importing it registers
// <backchannel-explainer> (loader.js does, as dist/backchannel.js does on a
// page). Servers get server.js instead (the package's `exports` conditions).
import { upgrade, validatePack, wasmMemoryBytes } from './loader.js';

export { upgrade, validatePack, wasmMemoryBytes };

/**
 * The element's class, registered on import: for teams that register
 * their components explicitly (a call keeps the import from being
 * dropped as unused, whatever the bundler thinks of side effects).
 */
export function define() {
  return customElements.get('backchannel-explainer');
}
