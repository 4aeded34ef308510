/** The PDF's file name and Content-Disposition header: safe on every operating system. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pdfContentDisposition, pdfFileName, unicodeFileName } from "../../app/pdf/file-name";

const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

function expectSafe(name: string): void {
  expect(name).toMatch(/\.pdf$/);
  // Nothing Windows, macOS or Linux reserve, no control characters, no spaces.
  // eslint-disable-next-line no-control-regex
  expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001F\u007F\s]/);
  expect(name).not.toMatch(/^[.-]|[. ]$/);
  expect(name).not.toMatch(WINDOWS_DEVICE);
  expect(name.length).toBeLessThanOrEqual(120);
  expect(name).toMatch(/^[A-Za-z0-9.-]+$/);
}

describe("pdfFileName", () => {
  it("names the board summary as such, in both forms of the header", () => {
    expect(pdfFileName("Municipalité de Lévis", "2026-11-21", "summary")).toBe(
      "Municipalite-de-Levis-board-summary-2026-11-21.pdf",
    );
    expect(unicodeFileName("Municipalité de Lévis", "2026-11-21", "summary")).toBe(
      "Municipalité de Lévis board summary 2026-11-21.pdf",
    );
    expect(pdfContentDisposition("CON", "2026-11-21", "attachment", "summary")).toContain(
      'filename="CON-board-summary-2026-11-21.pdf"',
    );
  });

  it("folds accents into readable ASCII and adds the date", () => {
    expect(pdfFileName("Municipalité de Lévis", "2026-11-21")).toBe(
      "Municipalite-de-Levis-readiness-report-2026-11-21.pdf",
    );
    expect(pdfFileName("Te Kaunihera o Tāmaki Makaurau", "2026-11-21")).toBe(
      "Te-Kaunihera-o-Tamaki-Makaurau-readiness-report-2026-11-21.pdf",
    );
    expect(pdfFileName("Ville de Rivière-des-Érables", "2026-11-21")).toBe(
      "Ville-de-Riviere-des-Erables-readiness-report-2026-11-21.pdf",
    );
    expect(pdfFileName("Łódź & Ørsta Straße", "2026-01-05")).toBe(
      "Lodz-and-Orsta-Strasse-readiness-report-2026-01-05.pdf",
    );
  });

  it("removes every character an operating system reserves", () => {
    const name = pdfFileName('A<b>c:d"e/f\\g|h?i*j\u0000k\u001Fl. ', "2026-11-21");
    expect(name).toBe("A-b-c-d-e-f-g-h-i-j-k-l-readiness-report-2026-11-21.pdf");
    expectSafe(name);
  });

  it("never gives a Windows device name, a hidden file or an empty name", () => {
    for (const organisation of ["CON", "nul", "COM1", "LPT9", "...", " . ", "", "مجلس المدينة", "市议会", "🙂"]) {
      const name = pdfFileName(organisation, "2026-11-21");
      expectSafe(name);
    }
    expect(pdfFileName("CON", "2026-11-21")).toBe("CON-readiness-report-2026-11-21.pdf");
    expect(pdfFileName("市议会", "2026-11-21")).toBe("readiness-report-2026-11-21.pdf");
  });

  it("keeps names bounded, cutting at a word where it can", () => {
    const name = pdfFileName(`${"Very long council name ".repeat(20)}`, "2026-11-21");
    expectSafe(name);
    expect(name).toMatch(/^Very-long-council-name-.*[a-z]-readiness-report-2026-11-21\.pdf$/);
    expectSafe(pdfFileName("A".repeat(2000), "2026-11-21"));
  });

  it("drops a date that is not an ISO date rather than put it in a file name", () => {
    expect(pdfFileName("Lévis", "../../etc/passwd")).toBe("Levis-readiness-report.pdf");
  });

  it("is safe for any organisation name at all", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (organisation) => {
        expectSafe(pdfFileName(organisation, "2026-11-21"));
      }),
      { numRuns: 500 },
    );
  });
});

describe("pdfContentDisposition", () => {
  it("offers the ASCII name and the UTF-8 name with its accents (RFC 6266 and 5987)", () => {
    expect(pdfContentDisposition("Municipalité de Lévis", "2026-11-21")).toBe(
      `attachment; filename="Municipalite-de-Levis-readiness-report-2026-11-21.pdf"; ` +
        `filename*=UTF-8''Municipalit%C3%A9%20de%20L%C3%A9vis%20readiness%20report%202026-11-21.pdf`,
    );
    expect(pdfContentDisposition("Lévis", "2026-11-21", "inline")).toMatch(/^inline; filename="Levis-/);
  });

  it("encodes quotes, apostrophes and reserved characters so the header cannot be broken", () => {
    const header = pdfContentDisposition(`Harbourside Tenants' "Advice" Service; x=1\r\nSet-Cookie: a`, "2026-11-21");
    expect(header).not.toMatch(/[\r\n]/);
    const [, ascii, encoded] = /^attachment; filename="([^"]*)"; filename\*=UTF-8''(\S+)$/.exec(header) ?? [];
    expect(ascii).toBe("Harbourside-Tenants-Advice-Service-x-1-Set-Cookie-a-readiness-report-2026-11-21.pdf");
    expect(encoded).toMatch(/^[A-Za-z0-9%._~!$&+,;=@^`|{}#-]+$/);
    expect(encoded).not.toContain("'");
    expect(decodeURIComponent(encoded ?? "")).toBe(
      unicodeFileName(`Harbourside Tenants' "Advice" Service; x=1\r\nSet-Cookie: a`, "2026-11-21"),
    );
  });

  it("keeps the UTF-8 name free of characters any operating system reserves", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (organisation) => {
        const name = unicodeFileName(organisation, "2026-11-21");
        // eslint-disable-next-line no-control-regex
        expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001F\u007F]/);
        expect(name).not.toMatch(/^[.\s]/);
        expect(name).toMatch(/readiness report 2026-11-21\.pdf$/);
      }),
      { numRuns: 300 },
    );
  });
});
