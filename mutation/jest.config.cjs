// Stryker's Jest runner runs inside Stryker's sandbox copy of one package (its cwd): this is
// Backstage's Jest config for that package (what `backstage-cli package test` uses), minus the
// long stress suites (their faults and tasks cover the same code as the unit tests, much slower).
module.exports = async () => {
  const config = await require('@backstage/cli/config/jest');
  return {
    ...config,
    testPathIgnorePatterns: [
      '/node_modules/',
      '/src/stress/',
      '/src/security/',
    ],
  };
};
