import { describe, expect, it } from "vitest";
import { asciiExportFileName, exportContentDisposition, exportFileName } from "./download-name";

describe("export file names", () => {
  it("name the organisation and the date, keeping accents and macrons", () => {
    expect(exportFileName("report-docx", "Te Kaunihera o Ōtautahi", "2026-11-29")).toBe(
      "Readiness report - Te Kaunihera o Ōtautahi - 2026-11-29.docx",
    );
    expect(exportFileName("answers-csv", "Municipalité de Lévis", "2026-11-29T08:00:00.000Z")).toBe(
      "Answers - Municipalité de Lévis - 2026-11-29.csv",
    );
    expect(exportFileName("report-json", "A", "2026-11-29")).toBe("Report data - A - 2026-11-29.json");
  });

  it("give an ASCII fallback with the accents folded", () => {
    expect(asciiExportFileName("report-docx", "Te Kaunihera o Ōtautahi", "2026-11-29")).toBe(
      "Readiness-report-Te-Kaunihera-o-Otautahi-2026-11-29.docx",
    );
    expect(asciiExportFileName("answers-json", "مجلس مدينة الرياض", "2026-11-29")).toBe("Answers-2026-11-29.json");
  });

  it("are safe on every file system, whatever the name holds", () => {
    const hostile = `<script>alert(1)</script>/..\\CON:*?"|\u0000\u202E 🙂 ${"A".repeat(2000)}`;
    for (const name of [
      exportFileName("report-docx", hostile, "2026-11-29"),
      asciiExportFileName("report-docx", hostile, "2026-11-29"),
    ]) {
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point
      expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001F\u202E]/);
      expect(Array.from(name).length).toBeLessThan(130);
      expect(name.endsWith("2026-11-29.docx")).toBe(true);
    }
    expect(exportFileName("report-docx", null, "not a date")).toBe("Readiness report.docx");
  });

  it("offer both names in the Content-Disposition header (RFC 6266 and 5987)", () => {
    expect(exportContentDisposition("report-docx", "Te Kaunihera o Ōtautahi", "2026-11-29")).toBe(
      "attachment; filename=\"Readiness-report-Te-Kaunihera-o-Otautahi-2026-11-29.docx\"; filename*=UTF-8''Readiness%20report%20-%20Te%20Kaunihera%20o%20%C5%8Ctautahi%20-%202026-11-29.docx",
    );
  });
});
