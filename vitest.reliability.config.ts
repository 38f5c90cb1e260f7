import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

/**
 * `npm run test:reliability`: faults, crashes and restarts, slower than the rest; CI runs it after
 * `npm test`.
 */
export default defineConfig({
  test: {
    ...base.test,
    include: ["test/reliability/**/*.test.ts"],
    exclude: ["node_modules/**"],
    testTimeout: 120_000,
  },
});
