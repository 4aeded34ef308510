/**
 * Accounts as a person uses them, with JavaScript (desktop) and without (phone): create an
 * account, sign out from the header, get the password wrong, sign in, see the workspace home
 * and the list of signed-in devices, and sign out from the sign-out page. axe checks every new
 * page, error states included.
 */
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, newContext, press, skipE2e, waitForHydration, waitForPage } from "./support";

let browser: Browser | undefined;

beforeAll(async () => {
  if (skipE2e) return;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const PASSWORD = "kettle harbour violet march";

async function heading(page: Page): Promise<string> {
  return page.getByRole("heading", { level: 1 }).innerText();
}

describe.skipIf(skipE2e)("accounts", () => {
  for (const javaScript of [true, false]) {
    it(`signs up, signs out, signs in and sees the workspace and its sessions, ${javaScript ? "with" : "without"} JavaScript`, async () => {
      if (!browser) throw new Error("not started");
      const { context, page, problems } = await newContext(browser, {
        javaScript,
        viewport: javaScript ? "desktop" : "phone",
      });
      const label = javaScript ? "js" : "no-js";
      const email = `ana.${randomBytes(4).toString("hex")}@example.org`;
      const workspace = `Harbour Engagement ${label}`;

      // The start page offers signing in; the sign-up page is reached from sign-in.
      await page.goto("/");
      await page.getByRole("banner").getByRole("link", { name: "Sign in" }).click();
      await waitForPage(page, "**/sign-in");
      expect(await heading(page)).toBe("Sign in");
      await expectAccessible(page, `sign-in-${label}`);
      await page.getByRole("link", { name: "Create an account" }).click();
      await waitForPage(page, "**/sign-up");
      expect(await heading(page)).toBe("Create an account");
      await expectAccessible(page, `sign-up-${label}`);

      // Mistakes first: every problem listed and linked, what was typed kept (but the password).
      await page.getByLabel("Your name").fill("Ana López");
      await page.getByLabel("Work email address").fill("ana.example.org");
      await page.getByLabel("Create a password").fill("too short");
      await press(page, "Create account", javaScript);
      const summary = page.locator(".govuk-error-summary");
      await summary.waitFor();
      expect(await summary.innerText()).toContain("Enter an email address in the correct format");
      expect(await summary.innerText()).toContain("at least 12 characters");
      expect(await summary.innerText()).toContain("Enter a name for your workspace");
      expect(await page.getByLabel("Your name").inputValue()).toBe("Ana López");
      expect(await page.title()).toMatch(/^Error: Create an account/);
      await expectAccessible(page, `sign-up-errors-${label}`);

      await page.getByLabel("Work email address").fill(email);
      await page.getByLabel("Create a password").fill(PASSWORD);
      await page.getByLabel("Workspace name").fill(workspace);
      await press(page, "Create account", javaScript);
      await waitForPage(page, /\/w\/[0-9a-f-]{36}$/);
      const workspaceUrl = page.url();
      expect(await heading(page)).toBe(workspace);
      const members = await page.locator("table").innerText();
      expect(members).toContain("Ana López");
      expect(members).toContain(email);
      expect(members).toContain("Owner");
      await expectAccessible(page, `workspace-home-${label}`);

      // Sign out from the header.
      const header = page.getByRole("banner");
      expect(await header.getByRole("link", { name: workspace }).count()).toBe(1);
      if (javaScript) await waitForHydration(page);
      await header.getByRole("button", { name: /^Sign out/ }).click();
      await waitForPage(page, "**/sign-in?signed-out");
      expect(await page.locator(".govuk-notification-banner").innerText()).toContain("You have signed out");
      expect(await header.getByRole("link", { name: "Sign in" }).count()).toBe(1);
      await expectAccessible(page, `signed-out-${label}`);

      // A wrong password: one message that does not say which was wrong.
      await page.getByLabel("Email address").fill(email);
      await page.getByLabel("Password", { exact: true }).fill("not my password at all");
      await press(page, "Sign in", javaScript);
      await page.locator(".govuk-error-summary").waitFor();
      expect(await page.locator(".govuk-error-summary").innerText()).toContain(
        "The email address or password is not right",
      );
      expect(await page.getByLabel("Email address").inputValue()).toBe(email);
      expect(await page.getByLabel("Password", { exact: true }).inputValue()).toBe("");
      await expectAccessible(page, `sign-in-error-${label}`);

      await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
      await press(page, "Sign in", javaScript);
      await waitForPage(page, workspaceUrl);
      expect(await heading(page)).toBe(workspace);

      // The devices signed in: this one, named.
      await page.getByRole("link", { name: "See where you are signed in" }).click();
      await waitForPage(page, "**/account/sessions");
      expect(await heading(page)).toBe("Where you are signed in");
      expect(await page.locator("main").innerText()).toContain("This device");
      expect(await page.locator("main").innerText()).toContain("Chrome on Linux");
      await expectAccessible(page, `sessions-${label}`);

      // The sign-out page, for when the header's button is out of reach.
      await page.goto("/sign-out");
      expect(await heading(page)).toBe("Sign out");
      await expectAccessible(page, `sign-out-${label}`);
      await press(page, "Sign out", javaScript);
      await waitForPage(page, "**/sign-in?signed-out");
      await page.goto(workspaceUrl);
      await waitForPage(page, /\/sign-in\?next=/);

      expect(problems).toEqual([]);
      await context.close();
    }, 150_000);
  }
});
