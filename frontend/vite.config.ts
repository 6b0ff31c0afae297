import { defineConfig } from 'vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { fileURLToPath } from 'node:url'

export default defineConfig({
  plugins: [svelte()],
  resolve: {
    alias: {
      $lib: fileURLToPath(new URL('./src/lib', import.meta.url)),
      $wails: fileURLToPath(new URL('./wailsjs', import.meta.url)),
    },
    conditions: process.env.VITEST ? ['browser'] : undefined,
  },
  build: { chunkSizeWarningLimit: 1000 },
  // End-to-end runs (frontend/e2e/run.mjs sets WHEELHOUSE_E2E): the page under
  // test must not hot-swap components when a source file changes mid-run.
  server: process.env.WHEELHOUSE_E2E ? { hmr: false, watch: null } : undefined,
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['./src/test-setup.ts'],
    // Component tests type into real inputs; on a busy 2-core CI machine one
    // took over 5 s (the default). Generous, so load never fails a test.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
