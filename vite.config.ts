import { defineConfig } from 'vite';

// Cross-origin isolation lets the WASM backend use threads (SharedArrayBuffer) in the browser.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  // Never opens a browser itself (a headless first start has none to open).
  server: { port: 5173, strictPort: false, open: false, headers: isolation },
  preview: { port: 4173, strictPort: false, headers: isolation },
  resolve: { dedupe: ['lit', 'rete', 'rete-area-plugin', 'rete-connection-plugin', 'rete-render-utils'] },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
    // The threaded WASM backend stringifies a function to start its pthread workers; minified,
    // that function refers to a renamed outer variable ("e is not defined"). Unminified it works.
    minify: false,
    rollupOptions: { input: { main: 'index.html', selftest: 'test-support/selftest.html' } },
  },
});
