/** Jest: unit tests of src/domain, the simulator's own tests, integration tests of the built dist/, browser tests. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.node.json', diagnostics: false }],
  },
  testTimeout: 60000,
};
