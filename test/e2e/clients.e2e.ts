/**
 * A consultant's clients, as a person uses them, with JavaScript (desktop) and without (phone):
 * sign up, add a client, start its assessment and see its private link once, answer it in the
 * workspace and come back to see "In progress", make a new private link, take over an assessment
 * an executive started without an account, and search the list. axe checks every new page, error
 * states included.
 */
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAssessment, Wizard } from "./journey-helpers";
import { expectAccessible, launchBrowser, newContext, press, skipE2e, waitForPage } from "./support";

let browser: Browser | undefined;

beforeAll(async () => {
  if (skipE2e) return;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const PASSWORD = "kettle harbour violet march";
const PRIVATE_LINK = /https?:\/\/[^\s]+\/a\/[A-Za-z0-9_-]{43}/;

async function heading(page: Page): Promise<string> {
  return page.getByRole("heading", { level: 1 }).innerText();
}

describe.skipIf(skipE2e)("clients", () => {
  for (const javaScript of [true, false]) {
    it(`adds a client, runs its assessment in the workspace and takes one over, ${javaScript ? "with" : "without"} JavaScript`, async () => {
      if (!browser) throw new Error("not started");
      const { context, page, problems } = await newContext(browser, {
        javaScript,
        viewport: javaScript ? "desktop" : "phone",
      });
      const label = javaScript ? "js" : "no-js";
      const main = page.locator("main");

      // Sign up: the workspace home says what to do next.
      await page.goto("/sign-up");
      await page.getByLabel("Your name").fill("Ana López");
      await page.getByLabel("Work email address").fill(`ana.${randomBytes(4).toString("hex")}@example.org`);
      await page.getByLabel("Create a password").fill(PASSWORD);
      await page.getByLabel("Workspace name").fill(`Harbour Engagement ${label}`);
      await press(page, "Create account", javaScript);
      await waitForPage(page, /\/w\/[0-9a-f-]{36}$/);
      const workspaceUrl = page.url();
      await expectAccessible(page, `clients-workspace-home-${label}`);

      // No clients yet: the list says what a consultant does next.
      await main.getByRole("link", { name: "Go to your clients" }).click();
      await waitForPage(page, `${workspaceUrl}/clients`);
      expect(await heading(page)).toBe("Clients");
      expect(await main.innerText()).toContain("You have no clients yet");
      await expectAccessible(page, `clients-empty-${label}`);

      // Add a client: a mistake first, then the name.
      await main.getByRole("link", { name: "Add a client" }).click();
      await waitForPage(page, `${workspaceUrl}/clients/new`);
      await expectAccessible(page, `clients-new-${label}`);
      await press(page, "Add client", javaScript);
      await page.locator(".govuk-error-summary").waitFor();
      expect(await page.locator(".govuk-error-summary").innerText()).toContain("Enter the client's name");
      await expectAccessible(page, `clients-new-errors-${label}`);
      await page.getByLabel("Client's name").fill("  Harbour City Council ");
      await press(page, "Add client", javaScript);
      await waitForPage(page, /\/clients\/[0-9a-f-]{36}\?added$/);
      const clientUrl = page.url().replace(/\?added$/, "");
      expect(await heading(page)).toBe("Harbour City Council");
      await expectAccessible(page, `clients-client-added-${label}`);

      // Start its assessment: the private link is shown once, as text to select.
      await main.getByRole("link", { name: "Start a new assessment" }).click();
      await waitForPage(page, `${clientUrl}/assessments/new`);
      await expectAccessible(page, `clients-assessment-new-${label}`);
      await press(page, "Start the assessment", javaScript);
      await page.getByRole("heading", { name: "Assessment started" }).waitFor();
      const executiveLink = (await page.locator(".app-private-link").innerText()).trim();
      expect(executiveLink).toMatch(PRIVATE_LINK);
      await expectAccessible(page, `clients-assessment-started-${label}`);

      // Answer it here: the wizard opens with a key of the member's own, not the executive's link.
      await press(page, "Answer it here", javaScript);
      await waitForPage(page, /\/a\/[A-Za-z0-9_-]{43}$/);
      expect(executiveLink.endsWith(new URL(page.url()).pathname)).toBe(false);
      const wizard = new Wizard(page, `clients-wizard-${label}`);
      await wizard.openTask("Describe your organisation");
      await wizard.fill("What is your organisation's name?", "Te Kaunihera o Harbour");
      await wizard.continueToNextPage();

      // Back on the client's page: in progress, run by Ana.
      await page.goto(clientUrl);
      const row = main.locator("tbody tr").first();
      expect(await row.innerText()).toContain("In progress");
      expect(await row.innerText()).toMatch(/0 of \d+ sections done/);
      expect(await row.innerText()).toContain("Ana López");
      expect(await main.innerText()).toContain("Te Kaunihera o Harbour");
      await expectAccessible(page, `clients-client-in-progress-${label}`);

      // The report is not ready: the workspace's report page says what is left.
      await main.getByRole("link", { name: /See what is left to do/ }).click();
      await waitForPage(page, /\/assessments\/[0-9a-f-]{36}\/report$/);
      expect(await heading(page)).toBe("The report is not ready yet");
      await expectAccessible(page, `clients-report-not-ready-${label}`);

      // A new private link replaces the old one.
      await page.goto(clientUrl);
      await main.getByRole("link", { name: /Make a new private link/ }).click();
      await waitForPage(page, /\/private-link$/);
      await expectAccessible(page, `clients-private-link-${label}`);
      await press(page, "Make a new private link", javaScript);
      await page.getByRole("heading", { name: "New private link made" }).waitFor();
      const newLink = (await page.locator(".app-private-link").innerText()).trim();
      expect(newLink).toMatch(PRIVATE_LINK);
      expect(newLink).not.toBe(executiveLink);
      await expectAccessible(page, `clients-private-link-made-${label}`);

      // An executive starts an assessment on their own and hands over the link.
      const executive = await newContext(browser, { javaScript, viewport: javaScript ? "desktop" : "phone" });
      const executiveWizard = new Wizard(executive.page, `clients-executive-${label}`);
      const anonymousLink = await startAssessment(executiveWizard);
      await executiveWizard.openTask("Describe your organisation");
      await executiveWizard.fill("What is your organisation's name?", "Ridge District Council");
      await executiveWizard.continueToNextPage();

      await page.goto(`${workspaceUrl}/take-over`);
      await expectAccessible(page, `clients-take-over-${label}`);
      await page.getByLabel("Private link").fill("https://example.org/a/not-a-link");
      await press(page, "Continue", javaScript);
      await page.locator(".govuk-error-summary").waitFor();
      expect(await page.locator(".govuk-error-summary").innerText()).toContain("This is not a private link");
      await expectAccessible(page, `clients-take-over-errors-${label}`);
      await page.getByLabel("Private link").fill(anonymousLink);
      await press(page, "Continue", javaScript);
      await page.getByRole("heading", { name: "As a new client" }).waitFor();
      expect(await page.getByLabel("Client's name").inputValue()).toBe("Ridge District Council");
      await expectAccessible(page, `clients-take-over-where-${label}`);
      await press(page, "Add as a new client", javaScript);
      await waitForPage(page, /\/clients\/[0-9a-f-]{36}\?taken-over$/);
      expect(await heading(page)).toBe("Ridge District Council");
      expect(await main.locator("tbody tr").first().innerText()).toContain("Their executive, then Ana López");
      await expectAccessible(page, `clients-taken-over-${label}`);

      // The executive's link still works.
      await executive.page.goto(anonymousLink);
      expect(await heading(executive.page)).not.toBe("Page not found");
      await executive.context.close();

      // Taking it over again is refused, plainly.
      await page.goto(`${workspaceUrl}/take-over`);
      await page.getByLabel("Private link").fill(anonymousLink);
      await press(page, "Continue", javaScript);
      await page.locator(".govuk-error-summary").waitFor();
      expect(await page.locator(".govuk-error-summary").innerText()).toContain("already belongs to a workspace");

      // The list: both clients, and a search by the organisation-name answer.
      await page.goto(`${workspaceUrl}/clients`);
      expect(await main.locator("tbody tr").count()).toBe(2);
      await expectAccessible(page, `clients-list-${label}`);
      await page.getByLabel("Search clients").fill("kaunihera");
      await press(page, "Search", javaScript);
      await waitForPage(page, /\/clients\?q=kaunihera$/);
      expect(await main.locator("tbody tr").count()).toBe(1);
      expect(await main.locator("tbody").innerText()).toContain("Harbour City Council");
      await expectAccessible(page, `clients-search-${label}`);

      expect(problems).toEqual([]);
      await context.close();
    }, 240_000);
  }
});
