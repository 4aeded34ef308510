/**
 * Two-step sign-in as a person uses it, with JavaScript (desktop) and without (phone): turn it
 * on by scanning (here: reading) the key and typing the app's code, keep the recovery codes,
 * sign out, sign in with the password and then a code, then with a recovery code, make new
 * recovery codes and turn it off. Codes are made here from the key shown on the page, with the
 * library the server uses. axe checks every new page, error states included.
 */
import { randomBytes } from "node:crypto";
import { generateTOTP } from "@epic-web/totp";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
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

/**
 * The app's code for the key, `stepsAhead` 30-second steps from now (the server accepts one step
 * either side, and never the same step twice).
 */
async function codeFor(key: string, stepsAhead = 0): Promise<string> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + stepsAhead * 30_000);
  try {
    const { otp } = await generateTOTP({ secret: key.replace(/\s/g, ""), period: 30, digits: 6, algorithm: "SHA-1" });
    return otp;
  } finally {
    vi.useRealTimers();
  }
}

async function signOut(page: Page, javaScript: boolean) {
  if (javaScript) await waitForHydration(page);
  await page
    .getByRole("banner")
    .getByRole("button", { name: /^Sign out/ })
    .click();
  await waitForPage(page, "**/sign-in?signed-out");
}

async function signInWithPassword(page: Page, email: string, javaScript: boolean) {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await press(page, "Sign in", javaScript);
  await waitForPage(page, "**/sign-in/code");
  expect(await heading(page)).toBe("Enter your code");
}

describe.skipIf(skipE2e)("two-step sign-in", () => {
  for (const javaScript of [true, false]) {
    it(`turns on, signs in with a code and with a recovery code, and turns off, ${javaScript ? "with" : "without"} JavaScript`, async () => {
      if (!browser) throw new Error("not started");
      const { context, page, problems } = await newContext(browser, {
        javaScript,
        viewport: javaScript ? "desktop" : "phone",
      });
      const label = javaScript ? "js" : "no-js";
      const email = `ana.${randomBytes(4).toString("hex")}@example.org`;
      const workspace = `Harbour Two-Step ${label}`;

      await page.goto("/sign-up");
      await page.getByLabel("Your name").fill("Ana López");
      await page.getByLabel("Work email address").fill(email);
      await page.getByLabel("Create a password").fill(PASSWORD);
      await page.getByLabel("Workspace name").fill(workspace);
      await press(page, "Create account", javaScript);
      await waitForPage(page, /\/w\/[0-9a-f-]{36}$/);
      const workspaceUrl = page.url();

      // From the workspace home's "Your account".
      await page.getByRole("link", { name: "Two-step sign-in" }).click();
      await waitForPage(page, "**/account/two-step");
      expect(await heading(page)).toBe("Two-step sign-in");
      expect(await page.locator("main").innerText()).toContain("Off");
      await expectAccessible(page, `two-step-off-${label}`);

      await press(page, "Turn on two-step sign-in", javaScript);
      await waitForPage(page, "**/account/two-step/set-up");
      expect(await heading(page)).toBe("Set up two-step sign-in");
      expect(await page.getByRole("img", { name: /QR code/ }).count()).toBe(1);
      const key = await page.locator("#two-step-key").innerText();
      expect(key).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
      await expectAccessible(page, `two-step-set-up-${label}`);

      // A wrong code: said beside the field, nothing turned on.
      const wrong = (Number(await codeFor(key)) + 500_000) % 1_000_000;
      await page.getByLabel("Enter the 6-digit code from your app").fill(String(wrong).padStart(6, "0"));
      await press(page, "Turn on two-step sign-in", javaScript);
      await page.locator(".govuk-error-summary").waitFor();
      expect(await page.locator(".govuk-error-summary").innerText()).toContain("The code is not right");
      await expectAccessible(page, `two-step-set-up-error-${label}`);

      await page.getByLabel("Enter the 6-digit code from your app").fill(await codeFor(key));
      await press(page, "Turn on two-step sign-in", javaScript);
      await page.getByRole("heading", { name: "Save your recovery codes" }).waitFor();
      expect(await page.locator(".govuk-notification-banner").innerText()).toContain("Two-step sign-in is on");
      const codes = await page.locator(".app-recovery-codes li").allInnerTexts();
      expect(codes).toHaveLength(10);
      for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
      const download = page.getByRole("link", { name: "Download the recovery codes as a text file" });
      expect(await download.getAttribute("download")).toBe("recovery-codes.txt");
      expect(decodeURIComponent((await download.getAttribute("href")) ?? "")).toContain(codes[0]);
      await expectAccessible(page, `two-step-recovery-codes-${label}`);
      await page.getByRole("link", { name: "I have saved my recovery codes" }).click();
      await waitForPage(page, "**/account/two-step");
      expect(await page.locator("main").innerText()).toContain("10 of 10");
      await expectAccessible(page, `two-step-on-${label}`);

      // Password, then a code: the code step is a page of its own, and a wrong code is said.
      await signOut(page, javaScript);
      await signInWithPassword(page, email, javaScript);
      await expectAccessible(page, `sign-in-code-${label}`);
      await page.getByLabel("Code from your authenticator app").fill("123");
      await press(page, "Sign in", javaScript);
      await page.locator(".govuk-error-summary").waitFor();
      expect(await page.locator(".govuk-error-summary").innerText()).toContain("Enter the 6 digits your app shows");
      await expectAccessible(page, `sign-in-code-error-${label}`);
      // The set-up used this step's code: the next step's is accepted (one step ahead is allowed).
      await page.getByLabel("Code from your authenticator app").fill(await codeFor(key, 1));
      await press(page, "Sign in", javaScript);
      await waitForPage(page, workspaceUrl);
      expect(await heading(page)).toBe(workspace);

      // Password, then a recovery code: signed in, told how many are left.
      await signOut(page, javaScript);
      await signInWithPassword(page, email, javaScript);
      await page.getByLabel("Code from your authenticator app").fill(codes[3] ?? "");
      await press(page, "Sign in", javaScript);
      await waitForPage(page, /\/account\/two-step\?recovery-code-used/);
      expect(await page.locator(".govuk-notification-banner").innerText()).toContain(
        "You signed in with a recovery code. You have 9 recovery codes left.",
      );
      await expectAccessible(page, `two-step-recovery-code-used-${label}`);
      await page.getByRole("link", { name: "Continue to your workspace" }).click();
      await waitForPage(page, workspaceUrl);

      // New recovery codes, confirmed with the password.
      await page.goto("/account/two-step");
      await page.getByRole("link", { name: "Make new recovery codes" }).click();
      await waitForPage(page, "**/account/two-step/recovery-codes");
      await expectAccessible(page, `two-step-new-codes-${label}`);
      await page.getByLabel("Your password, or the 6-digit code from your app").fill("not my password at all");
      await press(page, "Make new recovery codes", javaScript);
      await page.locator(".govuk-error-summary").waitFor();
      expect(await page.locator(".govuk-error-summary").innerText()).toContain("The password or code is not right");
      await expectAccessible(page, `two-step-new-codes-error-${label}`);
      await page.getByLabel("Your password, or the 6-digit code from your app").fill(PASSWORD);
      await press(page, "Make new recovery codes", javaScript);
      await page.getByRole("heading", { name: "Save your new recovery codes" }).waitFor();
      const newCodes = await page.locator(".app-recovery-codes li").allInnerTexts();
      expect(newCodes).toHaveLength(10);
      expect(newCodes).not.toContain(codes[0]);
      await page.getByRole("link", { name: "I have saved my recovery codes" }).click();
      await waitForPage(page, "**/account/two-step");
      expect(await page.locator("main").innerText()).toContain("10 of 10");

      // Off, with the password; signing in is then the password alone.
      await page.getByRole("link", { name: "Turn off two-step sign-in" }).click();
      await waitForPage(page, "**/account/two-step/turn-off");
      expect(await heading(page)).toBe("Turn off two-step sign-in");
      await expectAccessible(page, `two-step-turn-off-${label}`);
      await page.getByLabel("Your password, or the 6-digit code from your app").fill(PASSWORD);
      await press(page, "Turn off two-step sign-in", javaScript);
      await waitForPage(page, "**/account/two-step?turned-off");
      expect(await page.locator(".govuk-notification-banner").innerText()).toContain("Two-step sign-in is off");
      await signOut(page, javaScript);
      await page.getByLabel("Email address").fill(email);
      await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
      await press(page, "Sign in", javaScript);
      await waitForPage(page, workspaceUrl);

      expect(problems).toEqual([]);
      await context.close();
      // A long journey (fourteen pages checked by axe), on a machine shared with other tests.
    }, 360_000);
  }
});
