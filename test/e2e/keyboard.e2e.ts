import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAssessment, Wizard } from "./journey-helpers";
import { launchBrowser, newContext, skipE2e, waitForHydration, waitForPage } from "./support";

let browser: Browser;
beforeAll(async () => {
  if (!skipE2e) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(skipE2e)("using only a keyboard", () => {
  it("skips to the content, answers questions, follows error links and adds list items", async () => {
    const { context, page, problems } = await newContext(browser, { javaScript: true });
    const w = new Wizard(page, "keyboard");
    const link = await startAssessment(w);
    const focused = () =>
      page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim());

    // The first Tab reaches "Skip to main content".
    await page.goto(`${link}/organisation/name`);
    await waitForHydration(page);
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("Skip to main content");

    // Continue with nothing typed: the error summary takes focus, and its link moves to the field.
    await page.getByRole("button", { name: "Continue", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute("data-error-summary"))).toBe(true);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    expect(await focused()).toBe("orgName");
    await page.keyboard.type("Keyboard District Council");
    await page.keyboard.press("Enter");
    await waitForPage(page, /\/organisation\/type$/);

    // After moving on, focus starts at the new page's heading; one Tab reaches the radios.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("orgType");
    await page.keyboard.press("ArrowDown");
    expect(await page.getByLabel("State, provincial or regional government agency").isChecked()).toBe(true);
    await page.keyboard.press("Enter");
    await waitForPage(page, /\/organisation\/size$/);

    // A repeating list: "Add a project" with Enter, focus lands in the new item.
    await page.goto(`${link}/stakeholders/projects`);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Add a project" }).focus();
    await page.keyboard.press("Enter");
    expect(await focused()).toBe("projects-0-name");
    await page.keyboard.type("Library refit");
    expect(await page.getByLabel("Name of the project or decision").inputValue()).toBe("Library refit");

    expect(problems).toEqual([]);
    await context.close();
  });
});
