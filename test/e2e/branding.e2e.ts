/**
 * Branding as an owner uses it, with JavaScript (desktop) and without (phone): from the workspace
 * home to the branding page, a colour too light and a text file posing as a logo refused with
 * their messages (what was typed kept), then a logo and a colour saved, and a client's report
 * page showing "Prepared by" with the logo. axe checks every page, error states included.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Browser } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";
import type { Database } from "../../db/schema";
import { closeSeedDatabase, seedAssessment } from "./seed";
import { databaseUrl, expectAccessible, launchBrowser, newContext, press, skipE2e, waitForPage } from "./support";

let browser: Browser | undefined;
let db: Kysely<Database> | undefined;

beforeAll(async () => {
  if (skipE2e) return;
  browser = await launchBrowser();
  db = openDatabase(databaseUrl);
});

afterAll(async () => {
  await browser?.close();
  await db?.destroy();
  await closeSeedDatabase();
});

const PASSWORD = "kettle harbour violet march";

/** Makes the seeded assessment behind `/a/<token>` a client of the workspace. */
async function makeClient(assessmentPath: string, workspaceId: string): Promise<void> {
  if (!db) throw new Error("no database");
  const token = assessmentPath.split("/")[2] ?? "";
  const hash = createHash("sha256").update(token).digest("hex");
  const row = await db
    .selectFrom("respondents as r")
    .innerJoin("assessments as a", "a.id", "r.assessment_id")
    .select("a.organisation_id")
    .where("r.access_token_hash", "=", hash)
    .executeTakeFirstOrThrow();
  await db
    .updateTable("organisations")
    .set({ workspace_id: workspaceId })
    .where("id", "=", row.organisation_id)
    .execute();
}

describe.skipIf(skipE2e)("branding", () => {
  for (const javaScript of [true, false]) {
    it(`brands a workspace and its client's report, ${javaScript ? "with" : "without"} JavaScript`, async () => {
      if (!browser) throw new Error("not started");
      const { context, page, problems } = await newContext(browser, {
        javaScript,
        viewport: javaScript ? "desktop" : "phone",
      });
      const label = javaScript ? "js" : "no-js";
      const workspace = `Harbour Partners ${label}`;

      await page.goto("/sign-up");
      await page.getByLabel("Your name").fill("Ana López");
      await page.getByLabel("Work email address").fill(`ana.${randomBytes(4).toString("hex")}@example.org`);
      await page.getByLabel("Create a password").fill(PASSWORD);
      await page.getByLabel("Workspace name").fill(workspace);
      await press(page, "Create account", javaScript);
      await waitForPage(page, /\/w\/[0-9a-f-]{36}$/);
      const workspaceId = new URL(page.url()).pathname.split("/")[2] ?? "";

      await page.getByRole("link", { name: "Change your workspace name, logo and accent colour" }).click();
      await waitForPage(page, `**/w/${workspaceId}/branding`);
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Branding");
      await expectAccessible(page, `branding-${label}`);

      // A colour too light: its contrast and what it needs, the typed value kept.
      await page.getByLabel("Accent colour (optional)").fill("#F4A261");
      await press(page, "Save colour", javaScript);
      await page.locator(".govuk-error-summary").waitFor();
      expect(await page.locator(".govuk-error-summary").innerText()).toContain(
        "#f4a261 has a contrast of 2.1 to 1 with white",
      );
      expect(await page.getByLabel("Accent colour (optional)").inputValue()).toBe("#F4A261");
      expect(await page.title()).toMatch(/^Error: Branding/);
      await expectAccessible(page, `branding-colour-error-${label}`);

      // A text file named .png: refused by what it is, not its name.
      await page.getByLabel("Upload a logo").setInputFiles({
        name: "logo.png",
        mimeType: "image/png",
        buffer: Buffer.from("This is not a picture.\n"),
      });
      await press(page, "Upload logo", javaScript);
      await page.locator(".govuk-error-summary").waitFor();
      await page.locator(".govuk-error-summary", { hasText: "The logo must be a PNG or JPEG image" }).waitFor();
      await expectAccessible(page, `branding-logo-error-${label}`);

      // A real logo and a dark enough colour.
      const logo = await sharp({ create: { width: 720, height: 240, channels: 4, background: "#264653" } })
        .composite([
          { input: { create: { width: 160, height: 160, channels: 4, background: "#e9c46a" } }, left: 40, top: 40 },
        ])
        .png()
        .toBuffer();
      await page.getByLabel("Upload a logo").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: logo });
      await press(page, "Upload logo", javaScript);
      await page.locator(".govuk-notification-banner", { hasText: "The logo was saved" }).waitFor();
      expect(await page.getByAltText(`${workspace} logo`).count()).toBe(1);
      await page.getByLabel("Accent colour (optional)").fill("#264653");
      await press(page, "Save colour", javaScript);
      await page.locator(".govuk-notification-banner", { hasText: "The accent colour was saved" }).waitFor();
      await expectAccessible(page, `branding-saved-${label}`);

      // A client's report shows who prepared it, with the logo.
      const assessment = await seedAssessment({ finished: true });
      await makeClient(assessment, workspaceId);
      await page.goto(`${assessment}/report`);
      await page.locator(".app-branding").waitFor();
      expect(await page.locator(".app-branding").innerText()).toContain(`Prepared by ${workspace}`);
      const image = page.getByAltText(`${workspace} logo`);
      expect(await image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(600);
      await expectAccessible(page, `branded-report-${label}`);

      expect(problems).toEqual([]);
      await context.close();
    }, 180_000);
  }
});
