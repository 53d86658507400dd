import { defineConfig } from "vitest/config";

/**
 * The tests Stryker runs against the expression language's mutants (`npm run mutation -- expr`):
 * its unit tests, the fast-path ≡ exact-path property test and the hostile-expression tests.
 * Every other test compiles rulesets and so covers `src/expr` too; running all of them against
 * each of its mutants takes hours, and the score should come from tests that check the language
 * itself, with answers worked by hand.
 */
export default defineConfig({
  test: {
    include: ["src/expr/**/*.test.ts", "test/fastPath.test.ts", "test/hostile.test.ts"],
  },
});
