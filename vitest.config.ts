import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The workbench in a real browser is its own run: npm run test:browser.
    exclude: ["test/browser/**", "**/node_modules/**"],
  },
});
