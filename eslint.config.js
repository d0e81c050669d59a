import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'out/',
      'test-results/',
      'playwright-report/',
      'e2e-artifacts/',
      'public/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.worker } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The editor must never pull TensorFlow.js into the main thread, and shows text from files
    // (names, labels, problems) as text: no HTML from strings (issue 5, hostile files).
    files: ['src/editor/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '@tensorflow/*',
            '**/score/**',
            'lit/directives/unsafe-*',
            'lit-html/directives/unsafe-*',
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          property: 'innerHTML',
          message: 'Render with Lit templates: text from files must never become HTML.',
        },
        {
          property: 'outerHTML',
          message: 'Render with Lit templates: text from files must never become HTML.',
        },
        {
          property: 'insertAdjacentHTML',
          message: 'Render with Lit templates: text from files must never become HTML.',
        },
      ],
    },
  },
  {
    // Node kinds load tfjs and the science lazily inside run(), so the editor can import declarations.
    files: ['src/nodes/**/*.ts'],
    ignores: ['**/*.test.ts', 'src/nodes/testing.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Re-included: tfjs-free schedule math that infer() needs (Technique 2's level count).
              // (gitignore rules: the folder is re-included, its files excluded, then three allowed.)
              group: [
                '@tensorflow/*',
                '**/score/**',
                '**/runtime/**',
                '!**/score/schedule/',
                '**/score/schedule/*',
                '!**/score/schedule/levels',
                '!**/score/schedule/geometric',
                '!**/score/schedule/erfc',
                // The node category folder src/nodes/score/ (score.exact) is not the science.
                '!./score/',
                './score/*/',
                '!./score/*',
              ],
              allowTypeImports: true,
              message:
                'Import the science with `await import(...)` inside run(); only `import type` at the top.',
            },
          ],
        },
      ],
    },
  },
  {
    // Drawing and image files are shared by the editor and the CLI: no tfjs, no host layers.
    files: ['src/render/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@tensorflow/*', '**/score/**', '**/runtime/**', '**/editor/**', '**/cli/**'] },
      ],
    },
  },
  {
    // The file format layer stands alone: no tfjs, no DOM-bound layers.
    files: ['src/graph/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@tensorflow/*', '**/nodes/**', '**/runtime/**', '**/editor/**', '**/score/**'] },
      ],
    },
  },
);
