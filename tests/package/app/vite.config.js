// Two pages: the plain element from TypeScript (index.html) and the React
// component under StrictMode (react.html). No plugin: the package's files are
// found by `new URL('./…', import.meta.url)`, which Vite copies as assets.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  logLevel: 'warn',
  // For `vite` (the dev server): its pre-bundling would move the module
  // away from the files beside it. The build needs nothing.
  optimizeDeps: { exclude: ['backchannel-explainer'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        react: resolve(import.meta.dirname, 'react.html'),
      },
    },
  },
});
