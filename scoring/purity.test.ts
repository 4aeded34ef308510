import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = path.dirname(fileURLToPath(import.meta.url));
const sourceFiles = readdirSync(here)
  .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
  .sort();

const FORBIDDEN = [
  /^react(-dom)?$/,
  /^react-hook-form$/,
  /^@remix-run\//,
  /^@react-pdf\//,
  /^@hookform\//,
  /^kysely/,
  /^better-sqlite3$/,
  /^zod/,
  /^node:/,
  /^(fs|path|crypto|os|url|stream|child_process|worker_threads|util|events|http|https|buffer|process)(\/|$)/,
  /(^|\/)(app|db)(\/|$)/,
];

/** Module specifiers of every static import, re-export and dynamic import in a file. */
function importsOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\bfrom\s+["']([^"']+)["']/g,
    /\bimport\s+["']([^"']+)["']/g,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) if (match[1]) found.push(match[1]);
  return found;
}

describe("scoring/ is pure", () => {
  it("has source files to check", () => {
    expect(sourceFiles).toContain("score-assessment.ts");
    expect(sourceFiles.length).toBeGreaterThan(10);
  });

  it.each(sourceFiles)("%s imports only other scoring files", (file) => {
    const source = readFileSync(path.join(here, file), "utf8");
    for (const specifier of importsOf(source)) {
      expect(
        FORBIDDEN.some((pattern) => pattern.test(specifier)),
        `${file} imports ${specifier}`,
      ).toBe(false);
      expect(specifier.startsWith("./"), `${file} imports ${specifier} from outside scoring/`).toBe(true);
    }
  });

  it.each(sourceFiles)("%s reads no clock and no randomness", (file) => {
    const source = readFileSync(path.join(here, file), "utf8");
    expect(source).not.toMatch(/new Date\(\s*\)/);
    expect(source).not.toMatch(/Date\.now\(/);
    expect(source).not.toMatch(/Math\.random\(/);
    expect(source).not.toMatch(/performance\.now\(/);
    expect(source).not.toMatch(/\bprocess\./);
  });

  it("catches a forbidden import when one is present", () => {
    expect(importsOf('import { z } from "zod";\nimport fs from "node:fs";')).toEqual(["zod", "node:fs"]);
  });
});
