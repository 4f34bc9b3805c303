/**
 * Jest runs the TypeScript sources through ts-jest in transpile-only mode (type checking is
 * `npm run typecheck`'s job). The summary reporter prints a plain `N passed, N failed` line last.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/lib', '<rootDir>/subgraphs', '<rootDir>/gateway', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/testkit/summary-reporter.js'],
};
