import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Components (.vue) are compiled as in the app; tests that mount one ask for happy-dom.
  plugins: [vue()],
  resolve: {
    alias: [
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      // Element Plus's CommonJS build, which loads async-validator with its interop. Its ES build,
      // loaded by Node as is, gets async-validator's CommonJS module object as the default
      // import: every `new AsyncValidator` throws and ElForm swallows that as "valid", so a form
      // whose rules must block a blank field would submit in a test (the browser is not affected:
      // Vite bundles async-validator's ES build).
      {
        find: /^element-plus$/,
        replacement: createRequire(import.meta.url).resolve('element-plus'),
      },
    ],
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // A hang guard, not a speed check: mounting a dialog with Element Plus takes 5 s and more on
    // the shared two-core machines at load 30, where the 5 s default failed sound tests.
    testTimeout: 20_000,
  },
})
