// Lint: typescript-eslint's recommended rules, no import cycles (import-x), formatting left to Prettier.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'neo4j/target/**',
      'bin/**',
      'src/api/generated/**',
      'web/dist/**',
      'web/src/graphql/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // The GNN boundary: src/ reaches the GNN only through gnn/index.ts; gnn/ uses only the store's types,
      // src/random, src/vectors and src/workers (it never reads the store, matching or the API).
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src', from: './gnn', except: ['./index.ts'], message: 'Import the GNN through gnn/index.ts.' },
            {
              target: './gnn',
              from: './src',
              except: ['./store/types.ts', './random.ts', './vectors', './workers.ts'],
              message: 'gnn/ depends only on src/store/types.ts, src/random.ts, src/vectors/ and src/workers.ts.',
            },
          ],
        },
      ],
      // Prettier wraps code at 120; this catches the comments it leaves alone.
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // The workbench runs in the browser; its build script in Node.
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['web/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // GraphQL response bodies in tests and benches are JSON of the shape the query asked for.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
