/**
 * A client's PDF under its consultancy's branding: "Prepared by" and the logo on the cover (a
 * figure with alternate text), the name and a small logo in the running header (an artifact), the
 * file still fully tagged; an anonymous assessment's PDF unchanged; and the stored file's key
 * changing with the name, the logo and the colour, so a change renders a new file.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAndReencodeLogo } from "../../app/branding/logo.server";
import { pdfFileKey } from "../../app/pdf/pdf-store.server";
import { renderReportPdf } from "../../app/pdf/render-report.server";
import type { ReportBranding, ReportView } from "../../app/report/report-view";
import { RURAL_COUNCIL } from "../fixtures/example-organisations";
import { exampleReportView } from "../support/example-report-view";
import { elementsOf, readTaggedPdf } from "../support/pdf-structure";

const RENDER_TIMEOUT = 240_000;
const dir = process.env.BRANDING_PDF_DIR ?? mkdtempSync(path.join(tmpdir(), "pdf-branding-test-"));
afterAll(() => {
  if (!process.env.BRANDING_PDF_DIR) rmSync(dir, { recursive: true, force: true });
});

let branding: ReportBranding;
let plain: ReportView;
let branded: ReportView;

beforeAll(async () => {
  const source = await sharp({ create: { width: 480, height: 160, channels: 4, background: "#1d3557" } })
    .composite([
      { input: { create: { width: 120, height: 120, channels: 4, background: "#e9c46a" } }, left: 20, top: 20 },
    ])
    .png()
    .toBuffer();
  const logo = await checkAndReencodeLogo(source);
  if (!logo.ok) throw new Error(logo.message);
  branding = {
    workspaceName: "Harbour Partners",
    accentColour: "#1d3557",
    logo: { sha256: "a".repeat(64), width: logo.width, height: logo.height, pngBase64: logo.png.toString("base64") },
  };
  plain = exampleReportView(RURAL_COUNCIL);
  branded = { ...plain, branding };
});

function text(pdf: Buffer, name: string): string[] {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).split("\f");
}

describe("a branded PDF", () => {
  for (const document of ["summary", "full"] as const) {
    it(
      `${document}: says who prepared it on the first page and in every running header, and stays tagged`,
      async () => {
        const pdf = await renderReportPdf(branded, { pageSize: "A4", document });
        const pages = text(pdf, `branded-${document}`);
        expect(pages[0]).toContain("Prepared by Harbour Partners");
        const printed = pages.filter((page) => page.trim() !== "");
        for (const page of printed.slice(document === "full" ? 1 : 0)) expect(page).toContain("Harbour Partners");

        const tagged = await readTaggedPdf(pdf);
        expect(tagged.unmarked).toEqual([]);
        expect(tagged.orphanMcids).toEqual([]);
        // The cover's logo is a figure with alternate text; the header's is decoration.
        const figures = elementsOf(tagged.root).filter((element) => element.type === "Figure");
        expect(figures.filter((figure) => figure.alt === "Harbour Partners logo")).toHaveLength(1);
        // The running header (an artifact) names the consultancy on every page after the cover.
        const headers = tagged.artifactText.slice(document === "full" ? 1 : 0);
        expect(headers.length).toBeGreaterThan(0);
        for (const header of headers) expect(header).toContain("Harbour Partners");
        // The logo is drawn: once on the cover and once per running header.
        const images = execFileSync("pdfimages", ["-list", path.join(dir, `branded-${document}.pdf`)], {
          encoding: "utf8",
        });
        expect(
          images
            .split("\n")
            .slice(2)
            .filter((line) => line.trim()).length,
        ).toBeGreaterThanOrEqual(2);
      },
      RENDER_TIMEOUT,
    );
  }

  it(
    "is not what an anonymous assessment's PDF shows",
    async () => {
      const pdf = await renderReportPdf(plain, { pageSize: "A4", document: "summary" });
      const pages = text(pdf, "plain-summary");
      expect(pages.join("\n")).not.toContain("Prepared by");
      expect(pages.join("\n")).not.toContain("Harbour Partners");
    },
    RENDER_TIMEOUT,
  );
});

describe("the stored file's key", () => {
  it("changes with the name, the logo and the colour, and not for an unbranded view", () => {
    const options = { pageSize: "A4", document: "summary" } as const;
    const keys = [
      pdfFileKey(plain, options),
      pdfFileKey(branded, options),
      pdfFileKey({ ...plain, branding: { ...branding, workspaceName: "Harbour Partners Ltd" } }, options),
      pdfFileKey({ ...plain, branding: { ...branding, accentColour: "#0b0c0c" } }, options),
      pdfFileKey({ ...plain, branding: { ...branding, accentColour: null } }, options),
      pdfFileKey(
        {
          ...plain,
          branding: {
            ...branding,
            logo: { ...(branding.logo as NonNullable<ReportBranding["logo"]>), sha256: "b".repeat(64) },
          },
        },
        options,
      ),
      pdfFileKey({ ...plain, branding: { ...branding, logo: null } }, options),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    // An anonymous assessment's key is what it was before branding existed: no `branding` in its view.
    expect(pdfFileKey({ ...plain }, options)).toBe(keys[0]);
    expect("branding" in plain).toBe(false);
  });
});
