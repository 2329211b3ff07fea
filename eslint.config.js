// @ts-check
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

// What ships apart from what does not. The extension bundles `extension/**` and the core it imports
// (`src/**` but `src/tools/`); node-only tools (the CLI, the report receiver, feed building, the
// directory transport) live in `src/tools/`. scripts/check-imports.mjs proves each restriction fires.

/** Unit tests sit next to the code but never ship: they may read fixtures and use linkedom. */
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];

const NODE_ONLY_MESSAGE = 'node-only: shipped code (extension/, src/ but src/tools/) runs in the browser; node-only code belongs in src/tools/.';
const NODE_ONLY_PACKAGES = ['better-sqlite3', 'pg', 'linkedom', 'iconv-lite', 'chardet', 'htmlparser2'];
const builtins = builtinModules.filter((name) => !name.startsWith('_'));

/** Restrictions of no-restricted-imports, by what they keep out. */
const keepOut = {
  nodeOnly: {
    paths: [...NODE_ONLY_PACKAGES, ...builtins].map((name) => ({ name, message: NODE_ONLY_MESSAGE })),
    patterns: [
      { regex: '^node:', message: NODE_ONLY_MESSAGE },
      { regex: `^(${NODE_ONLY_PACKAGES.join('|')})/`, message: NODE_ONLY_MESSAGE },
      // Relative paths: `../tools/…` from src/*/, `../../src/tools/…` from extension/*/.
      { regex: '(^|/)(src/)?tools(/|$)', message: 'src/tools/ is node-only (CLI, receiver, feed building): shipped code may not import it.' },
    ],
  },
  browserApis: {
    paths: [{ name: 'webextension-polyfill', message: 'src/ is browser-independent: take browser services as parameters.' }],
    patterns: [{ regex: '(^|/)extension(/|$)', message: 'src/ is the browser-independent core: it may not import extension/.' }],
  },
};

/** The same modules, asked for with `import()` (or `import('…')` in a type), which no-restricted-imports does not see. */
const topNames = [...new Set([...NODE_ONLY_PACKAGES, ...builtins].map((name) => name.split('/')[0]))];
// esquery's regex literals may not contain `/`: \x2F is one.
const nodeOnlySource = `/^(node:|(${topNames.join('|')})($|\\x2F))|(^|\\x2F)(src\\x2F)?tools($|\\x2F)/`;
const dynamicNodeOnly = [
  { selector: `ImportExpression[source.value=${nodeOnlySource}]`, message: NODE_ONLY_MESSAGE },
  { selector: `TSImportType[argument.literal.value=${nodeOnlySource}]`, message: NODE_ONLY_MESSAGE },
];

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'artifacts/**', 'bench-results/**', '.cache/**', '.profiles/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The shipped core: browser-independent and browser-safe.
    files: ['src/**'],
    ignores: ['src/tools/**', ...TESTS],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...keepOut.browserApis.paths, ...keepOut.nodeOnly.paths],
        patterns: [...keepOut.browserApis.patterns, ...keepOut.nodeOnly.patterns],
      }],
      'no-restricted-syntax': ['error', ...dynamicNodeOnly],
    },
  },
  {
    // The extension may use the browser's APIs, never node-only code.
    files: ['extension/**'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': ['error', keepOut.nodeOnly],
      'no-restricted-syntax': ['error', ...dynamicNodeOnly],
    },
  },
  {
    // The tools run in node, still without the browser's extension APIs.
    files: ['src/tools/**', ...TESTS.map((t) => `src/${t}`)],
    rules: { 'no-restricted-imports': ['error', keepOut.browserApis] },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', 'scripts/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' } },
  },
);
