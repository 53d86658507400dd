import { defineConfig } from "vitest/config";

// npm run test:browser: the built workbench (workbench/dist) driven in Debian's headless Chromium.
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
