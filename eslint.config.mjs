// ESLint (flat config): typescript-eslint's type-checked rules where a tsconfig covers the files (tsconfig.json:
// src, webview, test/unit, bench/*.ts), plain recommended rules for the JavaScript scripts and tests. Run by
// `npm run lint` and as the "lint" step of `npm test`; every problem is an error (the step fails and names file:line).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The globals the JavaScript files use (no `globals` package: the lists are short and say what each kind of file may use).
const readonly = (names) => Object.fromEntries(names.split(/\s+/).filter(Boolean).map((name) => [name, 'readonly']));
const NODE = readonly(`process console Buffer URL URLSearchParams TextEncoder TextDecoder AbortController AbortSignal
  setTimeout clearTimeout setInterval clearInterval setImmediate clearImmediate queueMicrotask structuredClone fetch
  performance globalThis`);
const COMMONJS = readonly('require module exports __dirname __filename');
const MOCHA = readonly('suite test suiteSetup suiteTeardown setup teardown describe it before after beforeEach afterEach');
// Code passed to Playwright's page.evaluate runs in the browser.
const BROWSER = readonly('window document navigator getComputedStyle HTMLElement Element Node MutationObserver');

export default tseslint.config(
  // Build output and downloads (as .gitignore), and rule fixtures (data, not code).
  { ignores: ['dist/**', 'out/**', 'bench/out/**', 'node_modules/**', 'test-output/**', '.vscode-test/**', '.tmp/**', 'coverage/**', '**/*.fixtures.*'] },
  js.configs.recommended,
  {
    rules: {
      // Unused code is dead code; `_name` marks a parameter a signature requires. Caught errors may go unnamed.
      'no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // The codebase writes `catch { /* ignore: best effort */ }` and `catch {}` on purpose where failure is harmless.
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Flags defensive initialisations (`let entries = []` before a try, a loop variable reset before each branch
      // reassigns it); TypeScript's definite-assignment checks catch the real bugs.
      'no-useless-assignment': 'off',
    },
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // The bugs these catch: a promise nobody awaits or catches, a promise where a boolean or void callback is expected.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      // `return promise` inside try/catch skips the catch when it rejects; `return await` there is the fix.
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      // Type-only imports are erased by esbuild either way (isolatedModules is on); marking them is style, left off
      // so as not to churn import lines.
      '@typescript-eslint/consistent-type-imports': 'off',
      // Deliberate style, not bugs: `x!` after a check TypeScript cannot follow (noUncheckedIndexedAccess is on).
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `any` is what tests inspect on purpose (JSON.parse of the CLI's output: ~150 places); in src the only hits are
      // lib typings (Array.isArray on unknown, Object.fromEntries), not leaks.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      // Its 3 hits interpolate a webview Uri (its toString is the point) and a `never` in an exhaustive throw.
      '@typescript-eslint/restrict-template-expressions': 'off',
      // Its 5 hits are String(scalar.value) of YAML/HCL scalars typed unknown, always primitives there.
      '@typescript-eslint/no-base-to-string': 'off',
      // Its 17 hits pass interface methods implemented as arrow functions (`actions.showStats`), or test `Boolean(rule.fix)`.
      '@typescript-eslint/unbound-method': 'off',
      // Its 3 hits keep a Promise-returning signature that VS Code's API or an interface requires.
      '@typescript-eslint/require-await': 'off',
      // Its 30 hits are casts TypeScript now finds redundant: harmless, and spread over files others are editing.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    // `require`, not `import`, on purpose: bundlers then take web-tree-sitter's CommonJS build (see the comment there).
    files: ['src/core/terraform/runtime.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Files no tsconfig covers: plain rules only.
    files: ['vitest.config.ts'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: NODE },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...NODE, ...COMMONJS } },
  },
  {
    files: ['test/integration/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...NODE, ...COMMONJS, ...MOCHA } },
  },
  {
    files: ['test/ui/**/*.mjs'],
    languageOptions: { globals: { ...NODE, ...BROWSER } },
  },
);
