import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// Locator and page reads that return what the page shows at one instant.
const ONE_SHOT_READS = 'count|innerText|innerHTML|textContent|getAttribute|inputValue|isVisible|isHidden|isChecked|isDisabled|isEnabled|isEditable|allInnerTexts|allTextContents|boundingBox';
const ONE_SHOT_MESSAGE = 'A one-shot read of the page asserted once flakes while it loads: use expectCount / expectText / expectAttribute / expectValue / eventually from e2e/support.ts (or read into a variable only after a wait on the same element).';
const SLEEP_MESSAGE = 'No fixed sleeps in browser tests: wait for the condition (waitFor, expectText, eventually). Measuring time itself? measurementPause() in e2e/support.ts.';
export const E2E_RESTRICTIONS = [
  { selector: `CallExpression[callee.name='expect'] AwaitExpression > CallExpression[callee.property.name=/^(${ONE_SHOT_READS})$/]`, message: ONE_SHOT_MESSAGE },
  { selector: `CallExpression[callee.name='expect'] > CallExpression[callee.property.name=/^(${ONE_SHOT_READS})$/]`, message: ONE_SHOT_MESSAGE },
  { selector: "CallExpression[callee.object.name='expect'][callee.property.name='poll'][arguments.length=1]", message: 'expect.poll gives up after 1 s by default: use eventually(probe, what) from e2e/support.ts (30 s, names what it awaited).' },
  { selector: "CallExpression[callee.property.name='waitForTimeout']", message: SLEEP_MESSAGE },
  { selector: "CallExpression[callee.name='setTimeout']", message: SLEEP_MESSAGE },
  { selector: "CallExpression[callee.property.name='setTimeout']", message: SLEEP_MESSAGE },
  { selector: "ImportDeclaration[source.value=/timers\\/promises$/]", message: SLEEP_MESSAGE },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', 'tmp/', '.cluster/', '.test-artifacts/', 'scripts/*.mjs', 'cli/bin.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Browser tests wait for what the user waits for (issue 14): no assertion on a one-shot read of the page,
    // no vitest poll with its 1 s default, no fixed sleeps. e2e/web-first.test.ts runs these in the test suite.
    files: ['e2e/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...E2E_RESTRICTIONS] },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
