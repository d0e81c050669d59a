import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** The science a node declaration may import: tfjs-free, needed by infer(). */
const DECLARATION_SCIENCE = ['schedule/levels', 'schedule/geometric', 'step-memory'];

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
      'bench/gpu-pack/', // npm run bench -- --gpu-pack: bundled, generated
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
    // (names, labels, problems) as text: no HTML from strings (hostile files).
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
    // A kind's run body (x.run.ts, loaded on the first run) imports the science; never the runtime.
    files: ['src/nodes/**/*.run.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/runtime/**'] }],
    },
  },
  {
    // A kind's declaration (x.ts) is what the editor loads: no tfjs, no runtime, and of the science
    // only types and the tfjs-free schedule math that infer() needs (Technique 2's level count).
    files: ['src/nodes/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.run.ts', 'src/nodes/testing.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^@tensorflow/|/runtime/|/score/(?!(${DECLARATION_SCIENCE.join('|')})$)`,
              allowTypeImports: true,
              message: 'A declaration loads no science: put the code that needs it in the kind’s x.run.ts.',
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
