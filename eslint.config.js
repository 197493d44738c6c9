import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** Packages an app or library may never import, by importing package (see docs/architecture.md). */
const appImports = ['@youworker/server', '@youworker/cli', '@youworker/web'];
const frameworkAndDriverImports = ['fastify', 'fastify-*', '@fastify/*', 'pg', '@electric-sql/*', 'kysely'];

function restrictImports(groups, message) {
  return ['error', { patterns: [{ group: groups, message }] }];
}

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'data/**',
      'coverage/**',
      '.bench/**',
      'apps/web/dist/**',
      'apps/web/src/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-extraneous-class': 'off',
      // Interfaces are async by contract; an implementation that needs no await is fine.
      '@typescript-eslint/require-await': 'off',
      'import-x/no-cycle': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      curly: 'error',
      eqeqeq: 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through @youworker/config only.' },
      ],
    },
  },
  {
    files: ['packages/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictImports(appImports, 'A package never imports an app.'),
    },
  },
  {
    files: ['packages/core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictImports(
        [...frameworkAndDriverImports, ...appImports],
        'packages/core knows no app, HTTP framework or database driver (see docs/architecture.md).',
      ),
    },
  },
  {
    files: ['apps/server/src/routes/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictImports(
        ['kysely', 'pg', '@electric-sql/*', '@youworker/db'],
        'Routes call services; they never touch the database.',
      ),
    },
  },
  {
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'],
    rules: {
      'no-restricted-imports': restrictImports(
        [
          '@youworker/*',
          '!@youworker/contracts',
          'fastify',
          'fastify-*',
          '@fastify/*',
          'pg',
          'kysely',
          'node:*',
        ],
        'The web app runs in the browser: it imports its own dependencies, its generated API types and @youworker/contracts types, never server packages.',
      ),
    },
  },
  {
    // import-x cannot follow Vite's own modules (no resolver for its bundled chunks); a config has no cycles.
    files: ['apps/web/vite.config.ts'],
    rules: { 'import-x/no-cycle': 'off' },
  },
  {
    files: [
      'packages/config/**/*.ts',
      'test/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.ts',
      '**/*.spec.ts',
      '*.config.ts',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly' },
    },
  },
);
