// webpack 5 with nothing configured for the package's files: the test
// checks that it finds and emits them itself (tests/package/).
import { resolve } from 'node:path';

export default {
  mode: 'production',
  entry: './webpack/entry.js',
  output: { path: resolve(import.meta.dirname, 'dist/webpack'), clean: true },
  // The wasm is one asset of about 560 KB: a known size, not a mistake.
  performance: { hints: false },
};
