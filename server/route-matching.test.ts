// The server's route matching is patched (patches/@remix-run+router+1.23.3.patch) to keep each
// route array's ranked branches and each compiled path pattern. The browser loads the ES module
// build, which is not patched, so it is the reference: the patched build must match every path
// exactly as it does, however many times the same routes are matched.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type * as RouterModule from "@remix-run/router";
import type { AgnosticRouteObject } from "@remix-run/router";
import { describe, expect, it } from "vitest";

type Router = typeof RouterModule;
const require = createRequire(import.meta.url);
const patched = require("@remix-run/router/dist/router.cjs.js") as Router;
// The ES module build, by its path: Node resolves the package's own name to the CommonJS build.
const reference = (await import("@remix-run/router/dist/router.js")) as unknown as Router;

/** A tree shaped like the app's: a root layout, token routes with params, index routes, a splat. */
function routeTree(omit?: string): AgnosticRouteObject[] {
  return [
    {
      id: "root",
      path: "",
      children: (
        [
          { id: "routes/_index", index: true },
          { id: "routes/privacy", path: "privacy" },
          { id: "routes/a.$token._index", path: "a/:token", index: true },
          { id: "routes/a.$token.capacity.$page", path: "a/:token/capacity/:page" },
          { id: "routes/a.$token.organisation.$page", path: "a/:token/organisation/:page" },
          { id: "routes/a.$token.check.$section", path: "a/:token/check/:section" },
          { id: "routes/a.$token.report", path: "a/:token/report" },
          { id: "routes/a.$token.report[.]pdf", path: "a/:token/report.pdf" },
          { id: "routes/a.$token.share._index", path: "a/:token/share", index: true },
          { id: "routes/a.$token.share.$linkId._index", path: "a/:token/share/:linkId", index: true },
          { id: "routes/a.$token.share.$linkId.revoke", path: "a/:token/share/:linkId/revoke" },
          { id: "routes/r.$token._index", path: "r/:token", index: true },
          { id: "routes/optional", path: "help/:topic?" },
          { id: "routes/Case", path: "Case", caseSensitive: true },
          { id: "routes/$", path: "*" },
        ] satisfies AgnosticRouteObject[]
      ).filter((route) => route.id !== omit),
    },
  ];
}

const PATHS = [
  "/",
  "/privacy",
  "/privacy/",
  "/a/abc123",
  "/a/abc123/",
  "/a/abc123/capacity/team",
  "/a/abc123/organisation/about",
  "/a/abc%2F123/capacity/team",
  "/a/abc123/check/capacity",
  "/a/abc123/report",
  "/a/abc123/report.pdf",
  "/a/abc123/share",
  "/a/abc123/share/link-1",
  "/a/abc123/share/link-1/revoke",
  "/r/xyz",
  "/help",
  "/help/pdf",
  "/case",
  "/Case",
  "/a",
  "/a/abc123/capacity",
  "/nothing/here",
  "/%E0%A4%A",
];

function summary(matches: ReturnType<typeof reference.matchRoutes>) {
  return matches?.map((match) => ({ id: match.route.id, params: match.params, pathname: match.pathname }));
}

describe("the server's route matching (patched)", () => {
  it("is the build the server loads, and is patched", () => {
    expect(reference.matchRoutes).not.toBe(patched.matchRoutes);
    const serverRuntime = createRequire(require.resolve("@remix-run/server-runtime"));
    const loaded = serverRuntime.resolve("@remix-run/router");
    expect(loaded).toBe(require.resolve("@remix-run/router/dist/router.cjs.js"));
    const source = readFileSync(loaded, "utf8");
    expect(source).toContain("rankedBranchesCache.get(routes)");
    expect(source).toContain("compiledPathCache.get(cacheKey)");
  });

  it("matches every path as the unpatched build does, the first time and every time after", () => {
    const routes = routeTree();
    const referenceRoutes = routeTree();
    for (let round = 0; round < 3; round += 1) {
      for (const path of PATHS) {
        expect(summary(patched.matchRoutes(routes, path)), `${path}, round ${round + 1}`).toEqual(
          summary(reference.matchRoutes(referenceRoutes, path)),
        );
      }
    }
  });

  it("keeps a separate answer for each route array", () => {
    const withReport = routeTree();
    const withoutReport = routeTree("routes/a.$token.report");
    expect(patched.matchRoutes(withReport, "/a/t/report")?.at(-1)?.route.id).toBe("routes/a.$token.report");
    expect(patched.matchRoutes(withoutReport, "/a/t/report")?.at(-1)?.route.id).toBe("routes/$");
    expect(patched.matchRoutes(withReport, "/a/t/report")?.at(-1)?.route.id).toBe("routes/a.$token.report");
  });

  it("compiles a pattern once and still matches it with each option", () => {
    for (let round = 0; round < 2; round += 1) {
      expect(patched.matchPath({ path: "/Case", caseSensitive: true, end: true }, "/case")).toBeNull();
      expect(patched.matchPath({ path: "/Case", caseSensitive: false, end: true }, "/case")?.pathname).toBe("/case");
      expect(patched.matchPath({ path: "/a/:token", end: false }, "/a/t/report")?.params).toEqual({ token: "t" });
      expect(patched.matchPath({ path: "/a/:token", end: true }, "/a/t/report")).toBeNull();
    }
  });

  it("keeps working past the bound on remembered patterns", () => {
    for (let index = 0; index < 2500; index += 1) {
      expect(patched.matchPath(`/p${index}/:id`, `/p${index}/${index}`)?.params).toEqual({ id: String(index) });
    }
    expect(patched.matchPath("/p0/:id", "/p0/zero")?.params).toEqual({ id: "zero" });
  });
});
