// `npm run size`: the JavaScript each page loads, gzipped, against the 120 KB budget, and a check
// that no server-only code (database, PDF rendering) reached the browser bundle. Run after a build.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 120;
const assetsDir = path.resolve("build/client/assets");
const SERVER_MARKERS = [
  "better-sqlite3",
  "SqliteDialect",
  "kysely",
  "@react-pdf",
  "pdfkit",
  "fontkit",
  "node:crypto",
  "node:fs",
  "DATABASE_URL",
  "worker_threads",
  // The Word document and its chart (app/exports).
  "@resvg/resvg-js",
  "wordprocessingml",
];

type RouteEntry = { id: string; path?: string; module: string; imports?: string[] };
type RemixManifest = { entry: { module: string; imports: string[] }; routes: Record<string, RouteEntry> };

function readManifest(): { manifest: RemixManifest } {
  const file = readdirSync(assetsDir).find((name) => /^manifest-.*\.js$/.test(name));
  if (!file) throw new Error("No build found: run `npm run build` first.");
  const source = readFileSync(path.join(assetsDir, file), "utf8");
  const json = source.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "");
  return { manifest: JSON.parse(json) as RemixManifest };
}

const gzipCache = new Map<string, number>();
function gzippedBytes(assetPath: string): number {
  const cached = gzipCache.get(assetPath);
  if (cached !== undefined) return cached;
  const bytes = gzipSync(readFileSync(path.join("build/client", assetPath))).length;
  gzipCache.set(assetPath, bytes);
  return bytes;
}

/**
 * The route manifest a page carries. NOTE: with Remix's `v3_lazyRouteDiscovery` the browser never
 * loads the whole manifest file (which grows with every route in the app): each page inlines a
 * manifest of its own route, the root and the routes at its parent paths (Remix's
 * `getPartialManifest`, written with two-space indents), and fetches more as links appear.
 */
function inlineManifestBytes(manifest: RemixManifest, route: RouteEntry): number {
  const prefixes: string[] = [];
  const segments = (route.path ?? "").split("/").filter(Boolean);
  for (let end = segments.length - 1; end >= 0; end -= 1) prefixes.push(segments.slice(0, end).join("/"));
  const ids = new Set(["root", route.id]);
  for (const candidate of Object.values(manifest.routes)) {
    if (candidate.id !== "root" && prefixes.includes(candidate.path ?? "")) ids.add(candidate.id);
  }
  const routes = Object.fromEntries([...ids].map((id) => [id, manifest.routes[id]]));
  const script = `window.__remixManifest = ${JSON.stringify({ ...manifest, routes }, null, 2)};`;
  return gzipSync(script).length;
}

const { manifest } = readManifest();
const root = manifest.routes.root;
if (!root) throw new Error("The manifest has no root route.");
const shared = [manifest.entry.module, ...manifest.entry.imports, root.module, ...(root.imports ?? [])];

const rows = Object.values(manifest.routes)
  .filter((route) => route.id !== "root" && route.module)
  .map((route) => {
    const files = [...new Set([...shared, route.module, ...(route.imports ?? [])])];
    const bytes = files.reduce((sum, asset) => sum + gzippedBytes(asset), 0) + inlineManifestBytes(manifest, route);
    return { page: `/${route.path ?? ""}`, files: files.length, bytes, kb: bytes / 1024 };
  })
  .sort((a, b) => b.kb - a.kb);

console.log(`JavaScript loaded per page (gzipped), budget ${BUDGET_KB} KB:`);
for (const row of rows) {
  const verdict = row.kb <= BUDGET_KB ? "PASS" : "FAIL";
  console.log(
    `  ${row.kb.toFixed(1).padStart(6)} KB (${row.bytes.toLocaleString("en-GB").padStart(7)} bytes)  ${String(row.files).padStart(2)} files  ${verdict}  ${row.page}`,
  );
}

const leaks: string[] = [];
for (const name of readdirSync(assetsDir).filter((entry) => entry.endsWith(".js"))) {
  const source = readFileSync(path.join(assetsDir, name), "utf8");
  for (const marker of SERVER_MARKERS) if (source.includes(marker)) leaks.push(`${name} contains "${marker}"`);
}
console.log(
  leaks.length === 0
    ? "No server-only code in the browser bundle: PASS"
    : `Server code in the browser bundle: FAIL\n  ${leaks.join("\n  ")}`,
);

const worst = rows[0];
if (leaks.length > 0 || (worst && worst.kb > BUDGET_KB)) process.exitCode = 1;
