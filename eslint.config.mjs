// ESLint for the whole tree: type-aware typescript-eslint rules for the code that ships (src/, sidebar/), the
// recommended rules for the Node side (dev/, tests/), and one documented override for the simulator (dev/sim/).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-hub/**', 'node_modules/**', '.playground/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Unused arguments named with a leading underscore document a signature Apps Script imposes (onOpen(e)).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // `new Error(message, { cause })` is ES2022; the server targets ES2020 (what Apps Script's V8 surely runs).
      // A replaced error's message goes into the new sentence or the log instead.
      'preserve-caught-error': 'off',
    },
  },
  {
    // Prettier wraps code at 120 columns; this also holds comments to it. Long sentences in strings and URLs stay whole.
    files: ['src/**/*.ts', 'sidebar/**/*.{ts,tsx}'],
    rules: {
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['sidebar/**/*.ts', 'sidebar/**/*.tsx'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      globals: globals.browser,
      parserOptions: { project: './sidebar/tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['dev/**/*.{ts,tsx,mjs}', 'tests/**/*.{ts,tsx}', '*.{cjs,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  {
    // The simulator builds Apps Script's objects as Proxy facades over plain state; the services it hands to tests
    // (sim.api) are typed by the caller, so `any` is allowed here and only here.
    // Its reference types (dev/sim/reference.ts) pull in global declaration files, which only a triple-slash
    // path reference can do.
    files: ['dev/sim/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/triple-slash-reference': ['error', { path: 'always', types: 'prefer-import', lib: 'always' }],
    },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
