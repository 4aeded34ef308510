/**
 * The page a person sees over a rate limit (429), in a browser: on a server of its own started
 * with a page-view limit of 1 a minute (the suite's shared server keeps the defaults), at phone
 * and desktop widths, checked with axe.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../server/server-process";
import { expectAccessible, launchBrowser, skipE2e } from "./support";

let server: RunningServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  if (skipE2e) return;
  server = await startServer({ env: { RATE_LIMIT_GETS_PER_MINUTE: "1" } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await server?.cleanUp();
});

describe.skipIf(skipE2e)("over a rate limit", () => {
  it("says what was limited and when to try again, in the app's layout, at 375 and 1280 px", async () => {
    if (!server || !browser) throw new Error("not started");
    for (const width of [375, 1280]) {
      const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width, height: 800 } });
      const page = await context.newPage();
      // The first page view of the minute is allowed (for the first width); the next is not.
      await page.goto("/");
      const response = await page.goto("/contact");
      expect(response?.status()).toBe(429);
      expect(Number(response?.headers()["retry-after"])).toBeGreaterThan(0);
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe(
        "Too many requests: wait before trying again",
      );
      const main = await page.locator("main").innerText();
      expect(main).toContain("Too many pages have been opened from your internet connection in the last minute.");
      expect(main).toMatch(/Try again in (\d+ seconds|about 1 minute)\./);
      expect(main).toContain("Nothing has been lost. Your saved answers are safe.");
      expect(await page.getByRole("link", { name: "Open the page again" }).getAttribute("href")).toBe("/contact");
      expect(await page.title()).toBe("Too many requests: wait before trying again – Engagement readiness assessment");
      await expectAccessible(page, `too-many-requests-${width}`);
      await context.close();
    }
  });
});
