import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvDocument, csvRecord, defuseFormula, UTF8_BOM } from "./csv";

/** Parses a CSV file as a spreadsheet or pandas would: RFC 4180, the BOM taken off. */
function parseCsv(text: string): string[][] {
  return parse(text, { bom: true, relax_column_count: false }) as string[][];
}

describe("the CSV writer", () => {
  it("starts with a UTF-8 byte order mark and ends every record with CRLF", () => {
    const text = csvDocument(["A", "B"], [["1", "2"]]);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(Buffer.from(text, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(text.slice(1)).toBe("A,B\r\n1,2\r\n");
  });

  it("quotes fields with commas, quotes and line breaks, doubling the quotes (RFC 4180)", () => {
    expect(csvRecord(["plain", "a,b", 'say "hi"', "two\nlines", "CR\r\nLF"])).toBe(
      'plain,"a,b","say ""hi""","two\nlines","CR\nLF"',
    );
    expect(csvRecord([" padded "])).toBe('" padded "');
  });

  it("defuses every cell a spreadsheet would read as a formula", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
      expect(defuseFormula(`${start}SUM(A1:A2)`)).toBe(`'${start}SUM(A1:A2)`);
    }
    expect(defuseFormula("Plain text = fine")).toBe("Plain text = fine");
    expect(defuseFormula("")).toBe("");
    const parsed = parseCsv(csvDocument(["Answer"], [['=HYPERLINK("http://x","y")'], ["@cmd"], ["+1"], ["-1"]]));
    expect(parsed.slice(1).map((row) => row[0])).toEqual(['\'=HYPERLINK("http://x","y")', "'@cmd", "'+1", "'-1"]);
  });

  it("parses back to the same values, whatever they hold", () => {
    const values = [
      "Te Kaunihera o Ōtautahi",
      "<script>alert(1)</script>",
      "مجلس مدينة الرياض",
      "עיריית תל אביב",
      "🙂🏛️ 👨‍👩‍👧",
      "A".repeat(2000),
      'a "quoted", comma',
      "line one\nline two",
      "",
    ];
    const parsed = parseCsv(
      csvDocument(
        ["Value"],
        values.map((value) => [value]),
      ),
    );
    expect(parsed.slice(1).map((row) => row[0])).toEqual(values);
  });
});
