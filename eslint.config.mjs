// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', '.salesplan', '.tmp', 'coverage', 'src/db/migrations'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      // So import-x/no-cycle can read the TypeScript files an import leads to.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      // No two modules import each other (type-only imports are not followed by the rule).
      'import-x/no-cycle': 'error',
      // The dependency arrows of docs/ARCHITECTURE.md:
      // domain <- schemas <- db, services <- http, cli; domain, schemas <- web.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/domain',
              from: './src',
              except: ['./domain'],
              message: 'The domain core imports nothing outside src/domain.',
            },
            {
              target: './src/schemas',
              from: ['./src/db', './src/services', './src/http', './src/cli', './src/web'],
              message: 'Schemas depend on the domain only.',
            },
            {
              target: ['./src/db', './src/services'],
              from: ['./src/http', './src/cli', './src/web'],
              message: 'The DB layer and services never import the HTTP, CLI or web layers.',
            },
            {
              target: './src/db',
              from: './src/services',
              message: 'Services call the DB layer, never the other way round.',
            },
            {
              target: './src/http',
              from: './src/cli',
              message: 'The HTTP server and the CLI are two front ends; neither imports the other.',
            },
            {
              // Every CLI file but commands/serve.ts, which starts the server.
              target: './src/cli/**/!(serve).ts',
              from: './src/http',
              message: 'Only `salesplan serve` (src/cli/commands/serve.ts) imports the HTTP layer.',
            },
            {
              target: './src/web',
              from: ['./src/db', './src/services', './src/http', './src/cli', './src/config.ts'],
              message: 'The web app talks to the server over HTTP only.',
            },
          ],
        },
      ],
    },
  },
  {
    // The pure core reads no file, network, clock or env: no `node:*` and no npm package. Its
    // relative imports outside src/domain are held by the zone above.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.\\.?/)',
              message: 'src/domain imports nothing but src/domain (no node:* and no npm package).',
            },
          ],
        },
      ],
    },
  },
  {
    // Its tests also use the test runner and fast-check, and nothing else.
    files: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.\\.?/|(vitest|fast-check)$)',
              message: 'Domain tests import src/domain, vitest and fast-check only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.{js,mjs}', '*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
