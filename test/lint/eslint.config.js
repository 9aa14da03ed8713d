// ESLint flat config, kept under test/ because the project's top level is fixed. Run as `eslint -c`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import layers from './layers.js';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'dist-electron/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The core runs in every host: no Electron, no React, no renderer code; its layers point one way (layers.js).
  {
    files: ['src/**/*.ts'],
    plugins: { layers },
    rules: {
      'layers/no-upward-import': 'error',
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'react', 'react-dom', '*/renderer/*', '../renderer/*'], message: 'src/ is the host-agnostic core.' }] }],
    },
  },
  // The renderer talks to the core only through the typed API: from src/ it may import types only.
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)src/(?!api/methods$|api/labels$)', allowTypeImports: true, message: 'The renderer uses the core through the API only; import types.' },
            { regex: '(^|/)src/(?!api/|engine/types$)', message: 'The renderer sees the API (src/api) and the engine\'s public types (src/engine/types) only.' },
            { group: ['node:*', 'electron', 'fs', 'path'], message: 'The renderer runs in a sandboxed page.' },
          ],
        },
      ],
    },
  },
  // The pure engine and rewrite code may not touch the file system or other Node APIs.
  {
    files: ['src/engine/**/*.ts', 'src/rewrite/**/*.ts'],
    ignores: ['src/engine/nlp.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'electron', 'react'], message: 'The engine is pure: pass data in.' }] }],
    },
  },
);
