// Lint runs inside `npm test`; zero warnings allowed.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** The layers, each a folder under src/ (docs/ARCHITECTURE.md). */
const LAYERS = ['core', 'documents', 'app', 'db', 'demo', 'server', 'cli', 'web'];

/** Globals through which code reaches the outside world: the environment, files, network, storage, timers. */
const CORE_FORBIDDEN_GLOBALS = [
  'process',
  'require',
  'module',
  'Buffer',
  '__dirname',
  '__filename',
  'global',
  'globalThis',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
  'Request',
  'Response',
  'Headers',
  'navigator',
  'window',
  'self',
  'document',
  'location',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'caches',
  'crypto',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'clearInterval',
  'clearImmediate',
  'queueMicrotask',
  'requestAnimationFrame',
  'Worker',
  'BroadcastChannel',
  'postMessage',
  'alert',
  'console',
];

export default tseslint.config(
  // schema.d.ts is generated (npm run api:types).
  { ignores: ['node_modules', 'dist', 'data', 'coverage', 'drizzle', 'docs', 'src/web/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // ── Layers (docs/ARCHITECTURE.md), enforced: test/lint/layers.test.ts plants a forbidden import in each.
  // eslint-plugin-boundaries rather than dependency-cruiser: it runs inside ESLint, so `npm run lint` (and
  // so `npm test`) refuses a crossing with no second tool or config format, editors show it as they type,
  // and the test can ask ESLint's own API about a planted line without writing a file. Each layer has an
  // allow-list (default: disallow); a file's layer is its folder under src/. Test files beside the code
  // (*.test.ts) may also use the test tools and test/support, and nothing in src/ imports a test file.
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': LAYERS.map((type) => ({ type, pattern: `src/${type}` })),
      'boundaries/files': [{ category: 'test', pattern: '**/*.test.{ts,tsx}' }],
      // Static imports, re-exports and dynamic import() alike.
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json', '.d.ts'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkAllOrigins: true, // packages and Node built-ins too, not only files of the project
          checkUnknownLocals: true, // and files outside the layers (test/, scripts/)
          message: 'Lớp {{from.element.type}} không được phụ thuộc vào {{to.element.type}}{{to.module.source}} (docs/ARCHITECTURE.md: các lớp).',
          policies: [
            // The pure core: itself and zod, nothing else (no Node built-in, no other package, no outer layer).
            { from: { element: { type: 'core' } }, allow: { to: [{ element: { type: 'core' } }, { module: { origin: 'external', source: 'zod' } }] } },
            // Documents (Word, Excel): the core, and the packages that write the files (docx, exceljs).
            {
              from: { element: { type: 'documents' } },
              allow: { to: [{ element: { types: { anyOf: ['core', 'documents'] } } }, { module: { origin: 'external' } }] },
            },
            // The web app runs in the browser: the core, its own files and browser packages; no Node built-in, no server layer.
            { from: { element: { type: 'web' } }, allow: { to: [{ element: { types: { anyOf: ['core', 'web'] } } }, { module: { origin: 'external' } }] } },
            // Use cases: never the HTTP server, the command line or the web app.
            {
              from: { element: { type: 'app' } },
              allow: { to: [{ element: { types: { anyOf: ['core', 'app', 'db', 'documents', 'demo'] } } }, { module: { origin: ['external', 'core'] } }] },
            },
            // Storage, demo data, the server and the command line are the outer layers; none of them reaches into the web app.
            {
              from: { element: { types: { anyOf: ['db', 'demo'] } } },
              allow: { to: [{ element: { types: { anyOf: ['core', 'app', 'db', 'demo'] } } }, { module: { origin: ['external', 'core'] } }] },
            },
            {
              from: { element: { type: 'server' } },
              allow: {
                to: [{ element: { types: { anyOf: ['core', 'app', 'db', 'documents', 'demo', 'server'] } } }, { module: { origin: ['external', 'core'] } }],
              },
            },
            {
              from: { element: { type: 'cli' } },
              allow: {
                to: [
                  { element: { types: { anyOf: ['core', 'app', 'db', 'documents', 'demo', 'server', 'cli'] } } },
                  { module: { origin: ['external', 'core'] } },
                ],
              },
            },
            // Tests beside the code use the test tools and the helpers in test/support.
            {
              from: { file: { categories: 'test' } },
              allow: {
                to: [
                  { module: { origin: 'external', source: ['vitest', 'fast-check', 'jszip', 'exceljs'] } },
                  { module: { origin: 'local' }, file: { path: 'test/support/**' } },
                ],
              },
            },
            { disallow: { to: { file: { categories: 'test' } } } },
          ],
        },
      ],
    },
  },
  {
    // The domain core is pure: no I/O, no storage, no HTTP, no clock that calls back. It is shared by the
    // server, the CLI and the web app, so it must run anywhere. What it imports is limited above; these
    // close the doors an import does not open: Node's and the browser's globals and any dynamic import.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...CORE_FORBIDDEN_GLOBALS.map((name) => ({ name, message: `src/core là lõi thuần: không dùng ${name} (I/O, mạng, bộ hẹn giờ hay môi trường).` })),
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: 'src/core là lõi thuần: không nạp mô-đun động (import()).' },
        {
          selector: `MemberExpression[object.name=/^(globalThis|window|self|global)$/]`,
          message: 'src/core là lõi thuần: không đọc biến toàn cục qua globalThis.',
        },
        { selector: "MetaProperty[meta.name='import']", message: 'src/core là lõi thuần: không dùng import.meta (đường dẫn, môi trường).' },
      ],
    },
  },
  {
    files: ['bin/**/*.mjs', 'scripts/**/*.mjs', '.ci/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  // Layout is Prettier's (npm run format): rules that would argue with it are off.
  prettier,
);
