/**
 * Links, as their owner and a reader use them in a browser: sharing the report with a read-only
 * link, reading it and downloading its PDF through that link, revoking it, replacing the private
 * link and deleting the assessment. axe checks every page visited. The assessment is finished
 * beforehand in the server's database (as `npm run db:seed` does), so the time goes on the links,
 * not the wizard.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";
import { SMALL_SHIRE } from "../fixtures/example-organisations";
import { createFinishedAssessment } from "../support/finished-assessment";
import { findInPdf, readPdfBytes } from "../support/pdf-bytes";
import {
  baseUrl,
  databaseUrl,
  expectAccessible,
  launchBrowser,
  newContext,
  skipE2e,
  type Viewport,
  waitForPage,
} from "./support";

const ORGANISATION = SMALL_SHIRE.answers.organisation.orgName;
const TOKEN = "[A-Za-z0-9_-]{43}";

let browser: Browser;
let pdfDir = "";
beforeAll(async () => {
  if (skipE2e) return;
  browser = await launchBrowser();
  pdfDir = mkdtempSync(path.join(tmpdir(), "e2e-links-"));
});
afterAll(async () => {
  await browser?.close();
  if (pdfDir) rmSync(pdfDir, { recursive: true, force: true });
});

/**
 * Waits for the page's main heading to read `text`. NOTE: with JavaScript the address changes as
 * soon as the next page's data has arrived, a moment before React shows that page, so reading the
 * heading straight after `waitForURL` can still find the previous one.
 */
async function expectHeading(page: Page, text: string): Promise<void> {
  await page.getByRole("heading", { level: 1, name: text, exact: true }).waitFor();
}

/** Adds a finished assessment to the server's database; the token of its private link. */
async function seedFinishedAssessment(): Promise<string> {
  const db = openDatabase(databaseUrl);
  try {
    return (await createFinishedAssessment(db, SMALL_SHIRE.answers)).token;
  } finally {
    await db.destroy();
  }
}

/** Downloads the PDF by its button, as a person would, and reads it: text, metadata and every byte. */
async function downloadPdf(page: Page, name: string) {
  const downloading = page.waitForEvent("download", { timeout: 60_000 });
  await page.getByRole("button", { name: "Download the full report (PDF)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^${ORGANISATION} readiness report \\d{4}-\\d\\d-\\d\\d\\.pdf$`),
  );
  const file = path.join(pdfDir, `${name}.pdf`);
  await download.saveAs(file);
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  return {
    text: execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " "),
    info: execFileSync("pdfinfo", ["-enc", "UTF-8", file], { encoding: "utf8" }),
    bytes: readPdfBytes(bytes),
  };
}

type Pdf = Awaited<ReturnType<typeof downloadPdf>>;

function expectNoToken(pdf: Pdf, token: string, name: string) {
  expect(pdf.text.includes(token), `${name}: private link in the text`).toBe(false);
  expect(pdf.info.includes(token), `${name}: private link in the metadata`).toBe(false);
  expect(findInPdf(pdf.bytes, token), `${name}: private link in the file`).toEqual([]);
}

/** Goes to an address expecting "Page not found" with a 404, and checks that page too. */
async function expectNotFound(page: Page, address: string, label: string) {
  const response = await page.goto(address);
  expect(response?.status(), address).toBe(404);
  await expectHeading(page, "Page not found");
  await expectAccessible(page, label);
}

/**
 * With JavaScript on a desktop, the whole journey, reports and PDFs included. Without JavaScript
 * on a phone, every form (create, revoke, replace, delete) and every page around them; the
 * report pages and PDFs are plain pages and downloads, already read in the first run, so the
 * reader there only checks that the link opens, then stops opening, the report.
 */
describe.skipIf(skipE2e).each([
  { javaScript: true, mode: "with JavaScript", viewport: "desktop" as Viewport, readsReports: true },
  { javaScript: false, mode: "without JavaScript", viewport: "phone" as Viewport, readsReports: false },
])("private and read-only links $mode", ({ javaScript, mode, viewport, readsReports }) => {
  // NOTE: axe on the long report page takes many seconds on a busy two-core machine (3.5 minutes
  // for the first run with the load average at 17).
  it("shares the report read-only, revokes it, replaces the private link and deletes the assessment", async () => {
    const slug = `links-${javaScript ? "js" : "nojs"}`;
    const editToken = await seedFinishedAssessment();
    const owner = await newContext(browser, { javaScript, viewport });
    const { page } = owner;

    // --- Sharing: from the task list to a new read-only link ---
    await page.goto(`/a/${editToken}`);
    await expectAccessible(page, `${slug}-task-list`);
    await page.getByRole("link", { name: "Share your report with a read-only link" }).click();
    await waitForPage(page, new RegExp(`/a/${editToken}/share$`));
    await expectHeading(page, "Share your report");
    expect(await page.locator("main").innerText()).toContain("You have no read-only links.");
    await expectAccessible(page, `${slug}-share-empty`);

    // A name that is too long is refused, with what was typed kept.
    const tooLong = "Board papers ".repeat(7);
    await page.getByLabel("Name for the link (optional)").fill(tooLong);
    await page.getByRole("button", { name: "Create read-only link" }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("The name must be 80 characters or fewer");
    expect(await page.getByLabel("Name for the link (optional)").inputValue()).toBe(tooLong);
    await expectAccessible(page, `${slug}-share-error`);

    await page.getByLabel("Name for the link (optional)").fill("Board papers, March");
    await page.getByRole("button", { name: "Create read-only link" }).click();
    await waitForPage(page, new RegExp(`/a/${editToken}/share/[A-Za-z0-9_-]{22}$`));
    expect(await page.locator(".govuk-panel__title").innerText()).toBe("Read-only link created");
    expect(await page.locator(".govuk-panel__body").innerText()).toBe("Board papers, March");
    await expectAccessible(page, `${slug}-link-created`);
    const readOnlyUrl = (await page.locator(".app-private-link").innerText()).trim();
    const readToken = new RegExp(`^${baseUrl}/r/(${TOKEN})$`).exec(readOnlyUrl)?.[1] ?? "";
    expect(readToken, readOnlyUrl).not.toBe("");

    await page.getByRole("link", { name: "See all your read-only links" }).click();
    await waitForPage(page, new RegExp(`/a/${editToken}/share$`));
    const listed = page.locator(".govuk-summary-list__row", { hasText: "Board papers, March" });
    expect(await listed.innerText()).toMatch(/Created \d+ \w+ \d{4}\s+Not used yet/);
    // The list never shows the link's address again.
    expect(await page.content()).not.toContain(readToken);
    await expectAccessible(page, `${slug}-share-list`);

    const reader = await newContext(browser, { javaScript, viewport });
    if (readsReports) {
      // --- The owner's report and PDF name the read-only link, never the private one ---
      await page.goto(`/a/${editToken}/report`);
      const ownerText = await page.locator("main").innerText();
      expect(ownerText).toContain('The PDFs give your newest read-only link, "Board papers, March"');
      expect(ownerText).not.toContain(editToken);
      await expectAccessible(page, `${slug}-owner-report`);
      const ownerPdf = await downloadPdf(page, `${slug}-owner`);
      expect(ownerPdf.text).toContain(`Accessible version of this report: ${readOnlyUrl}`);
      expectNoToken(ownerPdf, editToken, "owner's PDF");

      // --- A reader opens the report through the read-only link, in their own browser ---
      await reader.page.goto(readOnlyUrl);
      expect(await reader.page.getByRole("heading", { level: 1 }).innerText()).toBe(
        "Readiness report and starter strategy",
      );
      const readerText = await reader.page.locator("main").innerText();
      expect(readerText).toContain(ORGANISATION);
      expect(readerText).toContain("This report was shared with you through a read-only link.");
      // No way into the answers: no Change links, nothing under a private link, no private link at all.
      expect(await reader.page.getByRole("link", { name: /change/i }).count()).toBe(0);
      expect(await reader.page.locator('a[href*="/a/"]').count()).toBe(0);
      expect(await reader.page.locator("form").count()).toBe(0);
      expect(await reader.page.content()).not.toContain(editToken);
      await expectAccessible(reader.page, `${slug}-reader-report`);
      const readerPdf = await downloadPdf(reader.page, `${slug}-reader`);
      expect(readerPdf.text).toContain(`Accessible version of this report: ${readOnlyUrl}`);
      expect(readerPdf.info).toContain(`Accessible version: ${readOnlyUrl}`);
      expectNoToken(readerPdf, editToken, "reader's PDF");
      // The reader may take the report as a Word document or as data, but not the owner's answer files.
      const wordHref = await reader.page.getByRole("link", { name: "Word document (editable)" }).getAttribute("href");
      expect(wordHref).toBe(`${new URL(readOnlyUrl).pathname}/report.docx`);
      expect(await reader.page.getByRole("link", { name: /Your answers/ }).count()).toBe(0);
      const word = await reader.context.request.get(wordHref ?? "");
      expect(word.status()).toBe(200);
      expect(word.headers()["content-type"]).toContain("wordprocessingml");
    } else {
      const response = await reader.context.request.get(readOnlyUrl);
      expect(response.status()).toBe(200);
      expect(await response.text()).toContain("This report was shared with you through a read-only link.");
    }

    // The owner sees that the link was used.
    await page.goto(`/a/${editToken}/share`);
    expect(await listed.innerText()).toMatch(/Last used \d+ \w+ \d{4}/);

    // --- Revoking: confirm, then the link answers 404 ---
    await page.getByRole("link", { name: "Revoke Board papers, March" }).click();
    await waitForPage(page, /\/revoke$/);
    await expectHeading(page, 'Revoke the read-only link "Board papers, March"');
    await expectAccessible(page, `${slug}-revoke`);
    await page.getByRole("button", { name: "Revoke link" }).click();
    await waitForPage(page, new RegExp(`/a/${editToken}/share\\?revoked=`));
    await page
      .locator(".govuk-notification-banner")
      .filter({ hasText: 'You revoked the link "Board papers, March"' })
      .waitFor();
    expect(await page.locator("main").innerText()).toContain("You have no read-only links.");
    await expectAccessible(page, `${slug}-revoked`);

    await expectNotFound(reader.page, readOnlyUrl, `${slug}-reader-revoked`);
    await expectNotFound(reader.page, `${readOnlyUrl}/report.pdf`, `${slug}-reader-pdf-revoked`);
    expect(reader.problems, `reader's browser problems ${mode}`).toEqual([]);
    await reader.context.close();

    if (readsReports) {
      // With no read-only link left, the owner's PDF gives no address, and says how to get one.
      await page.goto(`/a/${editToken}/report`);
      expect(await page.locator("main").innerText()).toContain("because you have no read-only links");
      const noLinkPdf = await downloadPdf(page, `${slug}-owner-no-link`);
      expect(noLinkPdf.text).toContain(
        "Ask the person who shared this report for the link to its accessible web version",
      );
      expect(noLinkPdf.text).not.toContain(readToken);
      expect(noLinkPdf.text).not.toContain(baseUrl);
      expectNoToken(noLinkPdf, editToken, "owner's PDF with no link");
    }

    // --- Replacing the private link, from the private link page ---
    await page.goto(`/a/${editToken}/your-link`);
    await expectAccessible(page, `${slug}-your-link`);
    await page.getByRole("link", { name: "Replace your private link" }).click();
    await waitForPage(page, new RegExp(`/a/${editToken}/replace-link$`));
    expect(await page.locator("main").innerText()).toContain("Your current link will stop working at once");
    await expectAccessible(page, `${slug}-replace`);
    await page.getByRole("button", { name: "Replace my private link" }).click();
    await waitForPage(page, new RegExp(`/a/${TOKEN}/your-link\\?replaced$`));
    expect(await page.locator(".govuk-panel__title").innerText()).toBe("Your private link has been replaced");
    const newLink = (await page.locator(".app-private-link").innerText()).trim();
    const newToken = new RegExp(`^${baseUrl}/a/(${TOKEN})$`).exec(newLink)?.[1] ?? "";
    expect(newToken).not.toBe("");
    expect(newToken).not.toBe(editToken);
    expect(page.url()).toContain(`/a/${newToken}/`);
    await expectAccessible(page, `${slug}-replaced`);

    // The old link opens nothing, at once; the new one opens the assessment.
    await expectNotFound(page, `/a/${editToken}`, `${slug}-old-link`);
    expect((await page.goto(`/a/${editToken}/report`))?.status()).toBe(404);
    await page.goto(newLink);
    expect(await page.getByRole("link", { name: "Delete this assessment" }).isVisible()).toBe(true);

    // --- Deleting the assessment for good ---
    await page.getByRole("link", { name: "Delete this assessment" }).click();
    await waitForPage(page, new RegExp(`/a/${newToken}/delete$`));
    await expectAccessible(page, `${slug}-delete`);
    await page.getByRole("button", { name: "Delete assessment" }).click();
    await waitForPage(page, /\/deleted$/);
    expect(await page.locator(".govuk-panel__title").innerText()).toBe("Assessment deleted");
    await expectAccessible(page, `${slug}-deleted`);
    await expectNotFound(page, `/a/${newToken}`, `${slug}-deleted-link`);

    expect(owner.problems, `owner's browser problems ${mode}`).toEqual([]);
    await owner.context.close();
  }, 480_000);
});
