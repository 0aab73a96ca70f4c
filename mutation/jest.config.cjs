// Stryker's Jest runner runs inside Stryker's sandbox copy of one package (its cwd): this is
// Backstage's Jest config for that package (what `backstage-cli package test` uses), narrowed to
// the package's `tests` of mutation/targets.json when it names any (scripts/mutation.mjs passes
// them as MUTATION_TESTS), and never the long stress and security suites.
module.exports = async () => {
  const config = await require('@backstage/cli/config/jest');
  const only = process.env.MUTATION_TESTS
    ? JSON.parse(process.env.MUTATION_TESTS)
    : undefined;
  return {
    ...config,
    ...(only ? { testMatch: only.map(glob => `<rootDir>/../${glob}`) } : {}),
    testPathIgnorePatterns: [
      '/node_modules/',
      '/src/stress/',
      '/src/security/',
    ],
  };
};
