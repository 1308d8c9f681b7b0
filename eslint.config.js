// One ESLint flat config for the whole workspace (STYLE.md §18).
//
// - TypeScript (.ts/.mts/.cts) and Vue SFCs get typescript-eslint's `recommended` set plus a few
//   type-aware rules that catch real bugs (unawaited promises, promises passed where a void
//   callback is expected, non-exhaustive switches over unions). `recommendedTypeChecked` as a
//   whole is too noisy for the value it adds.
// - Type information comes from the TypeScript project service: each file is checked against the
//   nearest tsconfig.json, so every .ts/.vue file must be included by its package's tsconfig.
// - Plain JavaScript (scripts, bins, e2e runner, this file) and tool config files
//   (vite.config.ts, vitest.config.ts, drizzle.config.ts) are linted without type information,
//   so they need not belong to any tsconfig.
// - eslint-config-prettier comes last: formatting is Prettier's job, not ESLint's.
import { existsSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import js from '@eslint/js'
import prettier from 'eslint-config-prettier/flat'
import { defineConfig, globalIgnores } from 'eslint/config'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * Module front doors (STYLE.md §17): a domain module with an `index.ts` declares there what other
 * code may use of it; any other file of it (service, repository, view, …) is its own business, so
 * importing past the index (`../files/files.service.js`) is an error. Its own files import each
 * other as `./x.js` and are not concerned. Modules get an index.ts one at a time; the rule covers
 * each as soon as it has one.
 */
// Relative to this file, so ESLint run from a package's folder finds the modules too.
const modulesDir = fileURLToPath(new URL('apps/api/src/modules', import.meta.url))
const frontDoors = {
  files: ['apps/api/src/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: readdirSync(modulesDir, { withFileTypes: true })
          .filter((d) => d.isDirectory() && existsSync(`${modulesDir}/${d.name}/index.ts`))
          .map(({ name }) => ({
            regex: `^(\\.{1,2}/)+(modules/)?${name}/(?!index\\.js$)`,
            message: `Import the ${name} module through its front door, ${name}/index.js (add what you need there).`,
          })),
      },
    ],
  },
}

/** Rules that need type information; applied to TypeScript and Vue files only. */
const typeAwareRules = {
  '@typescript-eslint/no-floating-promises': 'error',
  // An async function where a void callback is expected (forEach, setTimeout, an event emitter)
  // loses its rejection; wrap it: `() => void run()`.
  '@typescript-eslint/no-misused-promises': 'error',
  '@typescript-eslint/switch-exhaustiveness-check': [
    'error',
    { considerDefaultExhaustiveForUnions: true },
  ],
}

/** Type-aware parser options shared by .ts and .vue so the project service reuses one program. */
const typeAwareParserOptions = {
  projectService: true,
  tsconfigRootDir: import.meta.dirname,
  extraFileExtensions: ['.vue'],
}

const tsFiles = ['**/*.ts', '**/*.mts', '**/*.cts']
const vueFiles = ['**/*.vue']
const jsFiles = ['**/*.js', '**/*.mjs', '**/*.cjs']
/** Tool configs live outside the packages' tsconfig includes; lint them without types. */
const toolConfigFiles = ['**/*.config.ts', '**/*.config.mts', '**/*.config.cts']

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/coverage/',
    '**/test-results/',
    '**/.vite/',
    // Runtime data (embedded PGlite, signing key, files) of `pnpm start` and `pnpm dev`.
    'data/',
    'apps/api/data/',
    // Generated from the served OpenAPI (apps/api/scripts/web-api-types.ts); never hand-edited.
    'apps/web/src/api/schema.d.ts',
    'tmp/',
    'apps/api/.bench/',
    'apps/api/drizzle/meta/',
    // The integration guide's example client imports types generated from the served contract;
    // apps/api/test/integration-doc.test.ts generates them, typechecks it (strict) and runs it.
    'docs/examples/',
    // Declaration files are generated or ambient shims (`declare module '*.vue'`); tsc and
    // vue-tsc check them, and their idioms (`{}`, `any`) trip rules written for real code.
    '**/*.d.ts',
  ]),

  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
  },

  js.configs.recommended,
  tseslint.configs.recommended,
  vue.configs['flat/recommended'],

  {
    // Shared TypeScript rule tuning (applies to .ts and the <script lang="ts"> of .vue files).
    files: [...tsFiles, ...vueFiles],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  {
    files: tsFiles,
    languageOptions: { parserOptions: typeAwareParserOptions },
    rules: typeAwareRules,
  },

  {
    // <script setup lang="ts"> is parsed by typescript-eslint inside vue-eslint-parser.
    files: vueFiles,
    languageOptions: {
      parser: vue.parser,
      globals: { ...globals.browser },
      parserOptions: {
        parser: tseslint.parser,
        sourceType: 'module',
        ...typeAwareParserOptions,
      },
    },
    rules: typeAwareRules,
  },

  {
    // The SPA runs in the browser, not in Node.
    files: ['apps/web/src/**'],
    languageOptions: { globals: { ...globals.browser } },
  },

  {
    // The schemas package's index builds every TypeBox schema when loaded (~230 KB on the first
    // page's scripts, issue 15): the SPA takes its types from it and its values from
    // `@rectify/schemas/constants`, which has no TypeBox.
    files: ['apps/web/src/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@rectify/schemas',
              allowTypeImports: true,
              message: "Import values from '@rectify/schemas/constants'; only types from here.",
            },
            {
              name: 'typebox',
              message: 'TypeBox stays off the SPA: it builds schemas at load (issue 15).',
            },
          ],
        },
      ],
    },
  },

  {
    files: [...jsFiles, ...toolConfigFiles],
    extends: [tseslint.configs.disableTypeChecked],
  },

  frontDoors,

  prettier,
)
