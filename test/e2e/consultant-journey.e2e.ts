/**
 * The consultant's side end to end, as issue 13 describes it: a consultant signs up, brands the
 * workspace, invites a colleague who joins, creates a client, runs an assessment in the
 * workspace, downloads the branded PDF, re-assesses the client and reads the comparison. axe
 * checks every page on the way.
 *
 * The questions themselves are answered page by page in full-assessment.e2e.ts; here each
 * assessment's answers are written through the repositories (`answerEverything`) once the wizard
 * is open, and the assessment is finished through its check-answers page as a person would.
 * The other consultant pages are also driven without JavaScript in their own files
 * (clients, members, branding, two-step); this journey runs with JavaScript, at desktop width.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { RURAL_COUNCIL } from "../fixtures/example-organisations";
import { RURAL_COUNCIL_IMPROVED } from "../fixtures/reassessment-pairs";
import { journeySteps } from "./journey-helpers";
import { answerEverything, closeSeedDatabase } from "./seed";
import { expectAccessible, launchBrowser, newContext, press, skipE2e, waitForPage } from "./support";

const PASSWORD = "kettle harbour violet march";
const COLLEAGUE_PASSWORD = "lantern orchard pebble quiet";
const WIZARD = /\/a\/[A-Za-z0-9_-]{43}$/;

let browser: Browser;
const dir = mkdtempSync(path.join(tmpdir(), "consultant-journey-"));
beforeAll(async () => {
  if (!skipE2e) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await closeSeedDatabase();
  rmSync(dir, { recursive: true, force: true });
});

async function heading(page: Page): Promise<string> {
  return page.getByRole("heading", { level: 1 }).innerText();
}

/** Finishes the assessment the wizard has open, through its check-answers page. */
async function finish(page: Page, label: string) {
  const wizardPath = new URL(page.url()).pathname.replace(/\/$/, "");
  await page.goto(`${wizardPath}/check-answers`);
  await expectAccessible(page, label);
  await press(page, "Finish assessment");
  await waitForPage(page, /\/complete$/);
  expect(await heading(page)).toBe("Assessment complete");
}

describe.skipIf(skipE2e)("a consultant's whole journey", () => {
  const step = journeySteps(240_000);
  const suffix = randomBytes(4).toString("hex");
  const workspace = `Harbour Engagement ${suffix}`;
  const clientName = "Pūriri Valley District Council";
  let owner: { context: BrowserContext; page: Page; problems: string[] };
  let colleague: { context: BrowserContext; page: Page; problems: string[] };
  let workspaceUrl = "";
  let clientUrl = "";
  afterAll(async () => {
    await owner?.context.close();
    await colleague?.context.close();
  });

  step("signs up and brands the workspace", async () => {
    owner = await newContext(browser, { javaScript: true, viewport: "desktop" });
    const page = owner.page;
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Aroha Ngata");
    await page.getByLabel("Work email address").fill(`aroha.${suffix}@example.org`);
    await page.getByLabel("Create a password").fill(PASSWORD);
    await page.getByLabel("Workspace name").fill(workspace);
    await press(page, "Create account");
    await waitForPage(page, /\/w\/[0-9a-f-]{36}$/);
    workspaceUrl = page.url();

    await page.getByRole("link", { name: "Change your workspace name, logo and accent colour" }).click();
    await waitForPage(page, `${workspaceUrl}/branding`);
    const logo = await sharp({ create: { width: 720, height: 240, channels: 4, background: "#0b4f5c" } })
      .composite([
        { input: { create: { width: 160, height: 160, channels: 4, background: "#f2c14e" } }, left: 40, top: 40 },
      ])
      .png()
      .toBuffer();
    await page.getByLabel("Upload a logo").setInputFiles({ name: "harbour.png", mimeType: "image/png", buffer: logo });
    await press(page, "Upload logo");
    await page.locator(".govuk-notification-banner", { hasText: "The logo was saved" }).waitFor();
    await page.getByLabel("Accent colour (optional)").fill("#0b4f5c");
    await press(page, "Save colour");
    await page.locator(".govuk-notification-banner", { hasText: "The accent colour was saved" }).waitFor();
    await expectAccessible(page, "journey-branding");
  });

  step("invites a colleague, who joins as a consultant", async () => {
    const page = owner.page;
    await page.goto(`${workspaceUrl}/members`);
    await page.getByLabel("Their email address").fill(`sam.${suffix}@example.org`);
    await page.getByLabel("Consultant").check();
    await press(page, "Make invitation link");
    await page.locator("code.app-private-link").waitFor();
    const invitation = (await page.locator("code.app-private-link").innerText()).trim();

    colleague = await newContext(browser, { javaScript: true, viewport: "desktop" });
    const theirs = colleague.page;
    await theirs.goto(invitation);
    expect(await heading(theirs)).toBe(`Join ${workspace}`);
    await theirs.getByLabel("Your name").fill("Sam Tupaea");
    await theirs.getByLabel("Create a password").fill(COLLEAGUE_PASSWORD);
    await press(theirs, "Create account and join");
    await waitForPage(theirs, workspaceUrl);
    expect(await theirs.locator("main").innerText()).toMatch(/Your role\s+Consultant/);
    await expectAccessible(theirs, "journey-colleague-home");
  });

  step("the colleague creates a client and runs its assessment in the workspace", async () => {
    const page = colleague.page;
    await page.getByRole("link", { name: "Go to your clients" }).click();
    await waitForPage(page, `${workspaceUrl}/clients`);
    await page.locator("main").getByRole("link", { name: "Add a client" }).click();
    await waitForPage(page, `${workspaceUrl}/clients/new`);
    await page.getByLabel("Client's name").fill(clientName);
    await press(page, "Add client");
    await waitForPage(page, /\/clients\/[0-9a-f-]{36}\?added$/);
    clientUrl = page.url().replace(/\?added$/, "");
    await page.locator("main").getByRole("link", { name: "Start a new assessment" }).click();
    await waitForPage(page, `${clientUrl}/assessments/new`);
    await press(page, "Start the assessment");
    await page.getByRole("heading", { name: "Assessment started" }).waitFor();
    await press(page, "Answer it here");
    await waitForPage(page, WIZARD);
    await answerEverything(new URL(page.url()).pathname, RURAL_COUNCIL.answers);
    await finish(page, "journey-first-check-answers");

    await page.goto(clientUrl);
    const row = page.locator("main tbody tr").first();
    expect(await row.innerText()).toContain("Finished");
    expect(await row.innerText()).toContain("Sam Tupaea");
    await expectAccessible(page, "journey-client-finished");
  });

  step("downloads the branded PDF from the workspace", async () => {
    const page = colleague.page;
    await page
      .locator("main")
      .getByRole("link", { name: /Read the report/ })
      .click();
    await waitForPage(page, /\/assessments\/[0-9a-f-]{36}\/report$/);
    await expectAccessible(page, "journey-workspace-report");
    const pdfPath = `${new URL(page.url()).pathname}.pdf`;
    const response = await colleague.context.request.get(pdfPath);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    const file = path.join(dir, "first.pdf");
    writeFileSync(file, await response.body());
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 16 << 20 });
    expect(text).toContain(`Prepared by ${workspace}`);
    // A first assessment has nothing to compare with.
    expect(text).not.toContain("What has changed since the last assessment");
    const images = execFileSync("pdfimages", ["-list", file], { encoding: "utf8" });
    expect(images.trim().split("\n").length).toBeGreaterThan(2);
  });

  step("re-assesses the client with the last answers, and reads what has changed", async () => {
    const page = colleague.page;
    await page.goto(clientUrl);
    await page.locator("main").getByRole("link", { name: "Start the next assessment" }).click();
    await waitForPage(page, /\/next$/);
    await expectAccessible(page, "journey-next");
    await page.getByLabel("With the last answers, to check and change").check();
    await press(page, "Start the assessment");
    await page.getByRole("heading", { name: "The next assessment has started" }).waitFor();
    await expectAccessible(page, "journey-next-started");
    await page.getByRole("button", { name: "Answer it now" }).click();
    await waitForPage(page, WIZARD);
    // Every section is in progress: the copied answers wait to be checked.
    expect(await page.locator("main").innerText()).toContain("You have completed 0 of 5 sections");
    await answerEverything(new URL(page.url()).pathname, RURAL_COUNCIL_IMPROVED);
    await finish(page, "journey-second-check-answers");

    await page.goto(clientUrl);
    await page
      .locator("main")
      .getByRole("link", { name: /See what has changed/ })
      .click();
    await waitForPage(page, /\/changes$/);
    expect(await heading(page)).toBe(clientName);
    const main = await page.locator("main").innerText();
    expect(main).toContain("What has changed since the last assessment");
    expect(main).toMatch(/Capacity to respond[\s\S]*Up \d+ points/);
    expect(main).toContain("Steps from the last plan");
    await expectAccessible(page, "journey-changes");

    // The same pages without JavaScript, on a phone, as the same person.
    const changesUrl = page.url();
    const phone = await newContext(browser, {
      javaScript: false,
      viewport: "phone",
      storageState: await colleague.context.storageState(),
    });
    try {
      await phone.page.goto(changesUrl);
      expect(await phone.page.locator("main").innerText()).toContain("What has changed since the last assessment");
      await expectAccessible(phone.page, "journey-changes-no-js");
      await phone.page.goto(clientUrl);
      expect(await phone.page.locator("main").innerText()).toContain(clientName);
      await expectAccessible(phone.page, "journey-client-no-js");
      await phone.page.goto(changesUrl.replace(/\/changes$/, "/next"));
      expect(await heading(phone.page)).toMatch(/next assessment/i);
      await expectAccessible(phone.page, "journey-next-no-js");
      expect(phone.problems).toEqual([]);
    } finally {
      await phone.context.close();
    }

    // The owner reads the same in the audit trail.
    await owner.page.goto(`${workspaceUrl}/audit`);
    const trail = await owner.page.locator("main").innerText();
    expect(trail).toContain(`Sam Tupaea added the client ${clientName}`);
    expect(trail).toContain(`Sam Tupaea started the next assessment of ${clientName}, with the last answers to check`);
    expect(trail).toContain(`Sam Tupaea downloaded the PDF report (A4) of ${clientName}'s assessment`);
    await expectAccessible(owner.page, "journey-audit");
    expect(owner.problems).toEqual([]);
    expect(colleague.problems).toEqual([]);
  });
});
