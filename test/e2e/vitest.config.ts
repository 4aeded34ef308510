import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// End-to-end tests: Chromium driven by playwright-core against the production build.
export default defineConfig({
  root,
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    globalSetup: ["test/e2e/global-setup.ts"],
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // One server, one browser at a time: these machines have two cores.
    fileParallelism: false,
  },
});
