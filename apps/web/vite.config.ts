import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { routeChunks, source } from './build/chunks.ts'
import { precompress } from './build/precompress.ts'

/** The API the dev server forwards `/api` to (apps/api listens on 3000 by default). */
const apiTarget = process.env.VITE_API_TARGET ?? 'http://127.0.0.1:3000'

export default defineConfig({
  plugins: [
    vue(),
    // The first pages people open load a few files each, not dozens (build/chunks.ts).
    routeChunks([
      { name: 'login', roots: [source('views/LoginView.vue')] },
      {
        name: 'public',
        roots: [
          source('components/public/PublicLayout.vue'),
          source('views/public/PublicListView.vue'),
        ],
      },
      { name: 'layout', roots: [source('components/layout/AppLayout.vue')] },
      { name: 'ledger', roots: [source('views/ProblemListView.vue')] },
      // The ledger's prefetch (router/routes.ts) asks for the rows before the view has loaded.
      { name: 'ledger-data', roots: [source('stores/problems.ts')], within: 'ledger' },
    ]),
    precompress(),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    // vue-i18n feature flags: composition API only, no devtools in production bundles.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // The first pages' shared chunk (build/chunks.ts) holds the Element Plus components they use,
    // some 1 MB before compression; the views are lazy.
    chunkSizeWarningLimit: 1500,
  },
})
