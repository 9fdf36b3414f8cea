// Lint runs inside `npm test`; zero warnings allowed.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'coverage', 'drizzle', 'docs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain core is pure: no I/O, no storage, no HTTP. It is shared by the
    // server, the CLI and the web app, so it must run anywhere.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'http', 'pg', 'drizzle-orm*', '@electric-sql/*', 'fastify*', '@fastify/*', 'react*'], message: 'src/core là lõi thuần: không I/O, không CSDL, không HTTP.' },
          { group: ['**/server/**', '**/db/**', '**/cli/**', '**/web/**'], message: 'src/core không được phụ thuộc vào các lớp ngoài.' },
        ],
      }],
    },
  },
  {
    files: ['bin/**/*.mjs', 'scripts/**/*.mjs', '.ci/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
