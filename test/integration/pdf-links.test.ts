/**
 * The PDF never carries the private (edit) link. PDFs are downloaded through the app's own
 * routes in every case (the owner with no read-only link, with one, with a newer one, after
 * revoking each, after replacing the private link; a reader through a read-only link, on A4
 * and US Letter) and searched for every private link the assessment ever had: in pdftotext's
 * text, in pdfinfo's metadata, and in every byte of the file, compressed streams inflated,
 * as plain text, UTF-16 and hex. The same search must find the read-only link where the PDF
 * should name it, so it is known to work.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import * as ownerPdfRoute from "../../app/routes/a.$token.report[.]pdf";
import * as replaceRoute from "../../app/routes/a.$token.replace-link";
import * as createdRoute from "../../app/routes/a.$token.share.$linkId._index";
import * as revokeRoute from "../../app/routes/a.$token.share.$linkId.revoke";
import * as shareRoute from "../../app/routes/a.$token.share._index";
import * as ownerSummaryRoute from "../../app/routes/a.$token.summary[.]pdf";
import * as readerPdfRoute from "../../app/routes/r.$token.report[.]pdf";
import * as readerSummaryRoute from "../../app/routes/r.$token.summary[.]pdf";
import { SMALL_SHIRE } from "../fixtures/example-organisations";
import { createFinishedAssessment } from "../support/finished-assessment";
import { inThreadPdfStore } from "../support/in-thread-pdf";
import { findInPdf, readPdfBytes } from "../support/pdf-bytes";
import { actionArgs, loaderArgs, outcome } from "../support/route-helpers";

const TIMEOUT = 180_000;
const dir = mkdtempSync(path.join(tmpdir(), "pdf-links-test-"));
let pool: ReturnType<typeof inThreadPdfStore>["pool"];

beforeAll(() => {
  // The real store (files kept by everything the PDF shows) in front of an in-thread renderer.
  const inThread = inThreadPdfStore(db);
  globalThis.__pdfStore = inThread.store;
  pool = inThread.pool;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type ReadPdf = { text: string; info: string; bytes: ReturnType<typeof readPdfBytes> };

async function readResponse(response: unknown, name: string): Promise<ReadPdf> {
  if (!(response instanceof Response)) throw new Error(`${name}: no response`);
  expect(response.status, name).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("application/pdf");
  const pdf = Buffer.from(await response.arrayBuffer());
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  const info = execFileSync("pdfinfo", ["-enc", "UTF-8", file], { encoding: "utf8" });
  return { text, info, bytes: readPdfBytes(pdf) };
}

function ownerPdf(token: string, name: string, size = "") {
  return ownerPdfRoute
    .loader(loaderArgs(`/a/${token}/report.pdf${size}`, { token }))
    .then((response) => readResponse(response, name));
}

function readerPdf(token: string, name: string, size = "") {
  return readerPdfRoute
    .loader(loaderArgs(`/r/${token}/report.pdf${size}`, { token }))
    .then((response) => readResponse(response, name));
}

/** No trace of any of these tokens anywhere in the PDF. */
function expectNone(pdf: ReadPdf, tokens: readonly string[], name: string) {
  for (const token of tokens) {
    expect(pdf.text.includes(token), `${name}: token in pdftotext`).toBe(false);
    expect(pdf.info.includes(token), `${name}: token in pdfinfo`).toBe(false);
    expect(findInPdf(pdf.bytes, token), `${name}: token in the file`).toEqual([]);
    // Nor any large piece of it, in case a line break split it in the text layer.
    expect(pdf.text.replace(/\s+/g, "").includes(token.slice(0, 20)), `${name}: part of a token`).toBe(false);
  }
  expect(pdf.text).not.toMatch(/\/a\/[A-Za-z0-9_-]{10}/);
}

/** The PDF names this read-only link as its accessible version: in its text, metadata and link. */
function expectNames(pdf: ReadPdf, url: string, token: string, name: string) {
  expect(pdf.text.replace(/\s+/g, ""), name).toContain(url);
  expect(pdf.info, name).toMatch(new RegExp(`Subject:.*Accessible version: ${url.replace(/[/.]/g, "\\$&")}`));
  const places = findInPdf(pdf.bytes, token);
  // The link annotation holds it as plain bytes; the metadata, with a name outside ASCII, as UTF-16.
  expect(places, name).toContain("file (ascii)");
  expect(places, name).toContain("file (utf-16be)");
}

function expectNoAddress(pdf: ReadPdf, name: string) {
  const words = pdf.text.replace(/\s+/g, " ");
  expect(words, name).toContain("Ask the person who shared this report for the link to its accessible web");
  expect(words, name).toContain("Accessible version: ask the person who shared this report for its web link");
  expect(pdf.info, name).toMatch(
    /Subject:.*Ask the person who shared this report for the link to its accessible web version\./,
  );
  // (The method's sources are on other sites; nothing may point to this app.)
  expect(pdf.text, name).not.toMatch(/https?:\/\/localhost/);
  expect(findInPdf(pdf.bytes, "/r/"), name).toEqual([]);
}

async function createLink(token: string, label: string) {
  const created = await outcome(() =>
    shareRoute.action(actionArgs(`/a/${token}/share?index`, { token }, [["label", label]])),
  );
  if (created.kind !== "redirect") throw new Error("no link");
  const linkId = created.location.split("/").at(-1) ?? "";
  const page = await outcome(() => createdRoute.loader(loaderArgs(created.location, { token, linkId })));
  const url = page.kind === "data" ? String((page.data as { link: string }).link) : "";
  return { id: linkId, url, token: url.split("/").at(-1) ?? "" };
}

async function revoke(token: string, linkId: string) {
  const result = await outcome(() =>
    revokeRoute.action(actionArgs(`/a/${token}/share/${linkId}/revoke`, { token, linkId }, [])),
  );
  expect(result.kind).toBe("redirect");
}

describe("no private link in any PDF", () => {
  it(
    "holds for the owner's and readers' PDFs, through creating, revoking and replacing links",
    async () => {
      // A name outside ASCII makes the PDF's metadata UTF-16, a form a plain search would miss.
      const answers = {
        ...SMALL_SHIRE.answers,
        organisation: { ...SMALL_SHIRE.answers.organisation, orgName: "Shire of Yallaroo-Kōwhai" },
      };
      const owner = await createFinishedAssessment(db, answers, { completedBy: "Aroha Ngata" });
      const editTokens = [owner.token];

      // The inflating search really looks inside the compressed page contents.
      const first = await ownerPdf(owner.token, "owner-no-links");
      expect(first.bytes.inflated.length).toBeGreaterThan(10);
      expect(first.bytes.inflated.some((stream) => /\bBT\b[\s\S]*\bET\b/.test(stream))).toBe(true);
      expectNone(first, editTokens, "owner, no read-only links");
      expectNoAddress(first, "owner, no read-only links");

      const board = await createLink(owner.token, "Board papers, March");
      const ownerWithBoard = await ownerPdf(owner.token, "owner-board");
      expectNone(ownerWithBoard, editTokens, "owner, one link");
      expectNames(ownerWithBoard, board.url, board.token, "owner, one link");

      const partners = await createLink(owner.token, "Partners");
      const ownerNewest = await ownerPdf(owner.token, "owner-newest");
      expectNone(ownerNewest, [...editTokens, board.token], "owner, two links");
      expectNames(ownerNewest, partners.url, partners.token, "owner, two links");

      for (const size of ["", "?size=letter"]) {
        const name = `reader-board${size ? "-letter" : ""}`;
        const reader = await readerPdf(board.token, name, size);
        expectNone(reader, [...editTokens, partners.token], name);
        expectNames(reader, board.url, board.token, name);
      }

      // Revoking the newest link: the owner's next PDF names the one before, never the revoked one,
      // although a PDF naming it was rendered (and kept) a moment ago: files are kept by what the
      // PDF shows, so the revoked link's file is never found again.
      const rendersBefore = pool.renders;
      await revoke(owner.token, partners.id);
      const afterRevoke = await ownerPdf(owner.token, "owner-after-revoke");
      expect(pool.renders).toBeLessThanOrEqual(rendersBefore + 1);
      expectNone(afterRevoke, [...editTokens, partners.token], "owner, newest revoked");
      expectNames(afterRevoke, board.url, board.token, "owner, newest revoked");
      expect(await outcome(() => readerPdfRoute.loader(loaderArgs("/", { token: partners.token })))).toEqual({
        kind: "redirect",
        status: 303,
        location: `/r/${partners.token}`,
      });

      // Replacing the private link: neither the old one nor the new one appears.
      const replaced = await outcome(() =>
        replaceRoute.action(actionArgs(`/a/${owner.token}/replace-link`, { token: owner.token }, [])),
      );
      const fresh = replaced.kind === "redirect" ? (replaced.location.split("/")[2] ?? "") : "";
      expect(fresh).toMatch(/^[A-Za-z0-9_-]{43}$/);
      editTokens.push(fresh);
      for (const size of ["", "?size=letter"]) {
        const name = `owner-replaced${size ? "-letter" : ""}`;
        const pdf = await ownerPdf(fresh, name, size);
        expectNone(pdf, [...editTokens, partners.token], name);
        expectNames(pdf, board.url, board.token, name);
      }
      const readerAfterReplace = await readerPdf(board.token, "reader-after-replace");
      expectNone(readerAfterReplace, [...editTokens, partners.token], "reader after replace");

      // Revoking the last link: no address at all, and no trace of either link.
      await revoke(fresh, board.id);
      const noneLeft = await ownerPdf(fresh, "owner-all-revoked");
      expectNone(noneLeft, [...editTokens, board.token, partners.token], "owner, all revoked");
      expectNoAddress(noneLeft, "owner, all revoked");
    },
    TIMEOUT,
  );
});

describe("no private link in the board summary", () => {
  it(
    "holds for the owner's and a reader's summary, which name the read-only link or how to ask for one",
    async () => {
      const answers = {
        ...SMALL_SHIRE.answers,
        organisation: { ...SMALL_SHIRE.answers.organisation, orgName: "Shire of Yallaroo-Kōwhai" },
      };
      const owner = await createFinishedAssessment(db, answers, { completedBy: "Aroha Ngata" });
      const summary = (route: typeof ownerSummaryRoute, url: string, token: string, name: string) =>
        route.loader(loaderArgs(url, { token })).then((response) => readResponse(response, name));

      const alone = await summary(ownerSummaryRoute, `/a/${owner.token}/summary.pdf`, owner.token, "summary-alone");
      expect(alone.info).toMatch(/Title:\s+Board summary: Shire of Yallaroo-Kōwhai/);
      expectNone(alone, [owner.token], "owner's summary, no read-only links");
      expectNoAddress(alone, "owner's summary, no read-only links");

      const board = await createLink(owner.token, "Board papers");
      for (const size of ["", "?size=letter"]) {
        const name = `summary-owner${size ? "-letter" : ""}`;
        const pdf = await summary(ownerSummaryRoute, `/a/${owner.token}/summary.pdf${size}`, owner.token, name);
        expect(pdf.info).toContain(size ? "letter" : "A4");
        expectNone(pdf, [owner.token], name);
        expectNames(pdf, board.url, board.token, name);
        const readerName = `summary-reader${size ? "-letter" : ""}`;
        const reader = await summary(
          readerSummaryRoute,
          `/r/${board.token}/summary.pdf${size}`,
          board.token,
          readerName,
        );
        expectNone(reader, [owner.token], readerName);
        expectNames(reader, board.url, board.token, readerName);
      }
    },
    TIMEOUT,
  );
});
