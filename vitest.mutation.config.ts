import { defineConfig } from "vitest/config";

/**
 * The tests Stryker runs against each mutant (`npm run mutation`): the unit and property tests
 * of the engine. Left out: tests of the built package (dist/ is not in Stryker's sandbox), the
 * docs, the source-purity check (it reads the instrumented files), the fuzz families and scale
 * tests (`*.scale.test.ts`: a million rows, seconds each, asserting bounds rather than answers).
 */
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["**/*.scale.test.ts", "test/bundle/**", "test/browser/**", "test/cli.test.ts", "test/recipes.test.ts", "test/docs.test.ts", "test/fuzz.test.ts", "test/rulesets.test.ts", "node_modules/**"],
  },
});
