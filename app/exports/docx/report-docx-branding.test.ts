import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { RURAL_COUNCIL } from "../../../test/fixtures/example-organisations";
import { exampleReportView } from "../../../test/support/example-report-view";
import { checkAndReencodeLogo } from "../../branding/logo.server";
import { buildReportDocx } from "./report-docx.server";

async function brandedView() {
  const source = await sharp({ create: { width: 400, height: 120, channels: 4, background: "#264653" } })
    .png()
    .toBuffer();
  const logo = await checkAndReencodeLogo(source);
  if (!logo.ok) throw new Error(logo.message);
  const view = exampleReportView(RURAL_COUNCIL);
  return {
    logo: logo.png,
    view: {
      ...view,
      branding: {
        workspaceName: "Harbour Partners",
        accentColour: "#264653",
        logo: {
          sha256: "c".repeat(64),
          width: logo.width,
          height: logo.height,
          pngBase64: logo.png.toString("base64"),
        },
      },
    },
  };
}

describe("the Word document of a client's report", () => {
  it("says who prepared it, with the logo and its alternative text, on the first page", async () => {
    const { view, logo } = await brandedView();
    const files = unzipSync(new Uint8Array(await buildReportDocx(view)));
    const body = strFromU8(files["word/document.xml"] as Uint8Array);
    const prepared = body.indexOf("Prepared by Harbour Partners");
    expect(prepared).toBeGreaterThan(0);
    // Before the report's title: at the top of the first page.
    expect(prepared).toBeLessThan(body.indexOf("Engagement readiness report and starter strategy"));
    expect(body).toContain('descr="Harbour Partners logo"');
    expect(body).toContain('w:color="264653"');
    // The picture is the stored PNG, byte for byte.
    const media = Object.entries(files).filter(([name]) => name.startsWith("word/media/"));
    expect(media.some(([, bytes]) => Buffer.from(bytes).equals(logo))).toBe(true);
  });

  it("has no 'Prepared by' for an anonymous assessment", async () => {
    const files = unzipSync(new Uint8Array(await buildReportDocx(exampleReportView(RURAL_COUNCIL))));
    expect(strFromU8(files["word/document.xml"] as Uint8Array)).not.toContain("Prepared by");
  });

  it.runIf(process.env.BRANDING_DOCX_DIR)(
    "converts with LibreOffice (to look at)",
    async () => {
      const dir = process.env.BRANDING_DOCX_DIR ?? mkdtempSync(path.join(tmpdir(), "docx-"));
      const { view } = await brandedView();
      const file = path.join(dir, "branded.docx");
      writeFileSync(file, await buildReportDocx(view));
      execFileSync("libreoffice", ["--headless", "--convert-to", "pdf", "--outdir", dir, file], { timeout: 120_000 });
      expect(readdirSync(dir)).toContain("branded.pdf");
      if (!process.env.BRANDING_DOCX_DIR) rmSync(dir, { recursive: true, force: true });
    },
    180_000,
  );
});
