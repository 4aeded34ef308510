/// <reference types="vitest/config" />
import { vitePlugin as remix } from "@remix-run/dev";
import path from "node:path";
import license from "rollup-plugin-license";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig(({ isSsrBuild }) => ({
  // NOTE: the Remix plugin takes over the dev server and build; vitest must not load it.
  plugins: process.env.VITEST
    ? []
    : [
        remix({
          future: {
            v3_fetcherPersist: true,
            v3_relativeSplatPath: true,
            v3_throwAbortReason: true,
            v3_singleFetch: true,
            v3_lazyRouteDiscovery: true,
            v3_routeConfig: true,
          },
        }),
      ],
  server: { port: 3000 },
  // NOTE: the server bundle waits for database migrations with a top-level await at start-up,
  // which the default browser build targets do not allow.
  // NOTE: terser squeezes the browser bundle about 3% smaller than esbuild's minifier, and the
  // libraries' licence notices go to one file, /third-party-licences.txt, instead of being
  // repeated in every chunk (0.7 KB gzipped a page). Both keep every wizard page inside its
  // 120 KB budget (see `npm run size`). The scripts are written for browsers from 2021 on (Safari
  // 15, Chrome and Edge 94, Firefox 93) instead of Vite's default of 2020 (Safari 14, Chrome 87,
  // Firefox 78): class fields and the like are then sent as written, not rewritten, which saved
  // about 340 bytes a page when the accounts header needed room. Every iPhone and Mac that ran
  // Safari 14 can update to 15, and every page works without its scripts.
  build: isSsrBuild
    ? { target: "node20" }
    : {
        target: ["es2021", "chrome94", "edge94", "firefox93", "safari15"],
        minify: "terser",
        terserOptions: { module: true, ecma: 2020, compress: { passes: 3 }, format: { comments: false } },
        rollupOptions: {
          plugins: [
            license({
              thirdParty: { output: { file: path.resolve("build/client/third-party-licences.txt") } },
            }),
          ],
        },
      },
  css: {
    preprocessorOptions: {
      scss: {
        api: "modern",
        loadPaths: ["node_modules"],
        // govuk-frontend still uses a few Sass features that Dart Sass has deprecated.
        quietDeps: true,
        silenceDeprecations: ["import", "global-builtin"],
      },
    },
  },
  test: {
    include: ["{app,db,scoring,server,test}/**/*.test.{ts,tsx}"],
    // End-to-end tests and tests of the production server need a build: `npm test` runs them after it.
    exclude: ["test/e2e/**", "test/server/**", "node_modules/**"],
    setupFiles: ["test/setup-env.ts"],
    // Property tests run hundreds of cases; on a busy two-core CI machine they need more than 5 s.
    testTimeout: 30_000,
  },
}));
