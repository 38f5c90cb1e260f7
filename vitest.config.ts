import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The slow fault and crash suites run on their own: `npm run test:reliability`.
    exclude: ["test/reliability/**", "node_modules/**"],
    globalSetup: ["test/support/pglite-template.setup.ts"],
    // PGlite takes ~2.5 s to start and the machines have two cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
