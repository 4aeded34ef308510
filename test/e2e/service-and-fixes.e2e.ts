import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Wizard } from "./journey-helpers";
import { closeSeedDatabase, seedAssessment } from "./seed";
import { expectAccessible, launchBrowser, newContext, skipE2e, waitForHydration, waitForPage } from "./support";

// The service pages, the phase banner and the keyboard and screen-reader fixes (issue 10, items
// 11 to 13). Setup that is not the subject of a test is seeded through the repositories.

let browser: Browser;
beforeAll(async () => {
  if (!skipE2e) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await closeSeedDatabase();
});

const SERVICE_PAGES = [
  { path: "/accessibility", title: "Accessibility statement", heading: /^Accessibility statement for the / },
  { path: "/privacy", title: "Privacy notice", heading: /^Privacy notice$/ },
  { path: "/contact", title: "Contact and feedback", heading: /^Contact and feedback$/ },
] as const;

const modes = [
  { javaScript: true, mode: "with JavaScript", slug: "js" },
  { javaScript: false, mode: "without JavaScript", slug: "nojs" },
] as const;

async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    return active ? `${active.tagName.toLowerCase()}#${active.id}` : "";
  });
}

describe.skipIf(skipE2e).each(modes)("the service pages $mode", ({ javaScript, slug }) => {
  it("are public, cacheable and accessible, and each links to the others", async () => {
    const { context, page, problems } = await newContext(browser, { javaScript, viewport: "phone" });
    for (const servicePage of SERVICE_PAGES) {
      const response = await page.goto(servicePage.path);
      expect(response?.status(), servicePage.path).toBe(200);
      // Nothing private on them, so browsers and shared caches may keep them.
      expect(response?.headers()["cache-control"]).toBe("public, max-age=3600");
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toMatch(servicePage.heading);
      expect(await page.title()).toBe(`${servicePage.title} – Engagement readiness assessment`);
      await expectAccessible(page, `${slug}-service${servicePage.path.replace("/", "-")}`);
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it("say what the operator configured: the contact address and how long empty assessments are kept", async () => {
    const { context, page } = await newContext(browser, { javaScript });
    await page.goto("/contact");
    // global-setup starts the server with SUPPORT_EMAIL and EMPTY_ASSESSMENT_DAYS set.
    const email = page.getByRole("link", { name: "readiness-support@example.org" });
    expect(await email.getAttribute("href")).toBe("mailto:readiness-support@example.org");
    expect(await page.locator("main").innerText()).toContain("Do not send us your private link");
    await page.goto("/privacy");
    const privacy = await page.locator("main").innerText();
    expect(privacy).toContain("an assessment with no answers saved is deleted after 14 days");
    expect(privacy).toContain("we do not use cookies");
    expect(privacy).toMatch(/local storage until you select Continue/);
    await page.goto("/accessibility");
    const statement = await page.locator("main").innerText();
    expect(statement).toContain("This service is partially compliant with the Web Content Accessibility Guidelines");
    expect(statement).toContain("The PDF of the report is tagged");
    expect(statement).toContain("has not yet been checked against the PDF/UA standard");
    expect(statement).toContain("The report page is the accessible version");
    expect(statement).toMatch(/This statement was prepared on \d{1,2} [A-Z][a-z]+ \d{4}/);
    await context.close();
  }, 60_000);

  it("are linked from the footer and the phase banner of every page, including private ones", async () => {
    const { context, page, problems } = await newContext(browser, { javaScript });
    const link = await seedAssessment({ completed: [] });
    for (const from of ["/", link, `${link}/organisation/name`]) {
      await page.goto(from);
      const banner = page.locator("header .govuk-phase-banner");
      expect(await banner.innerText()).toMatch(
        /^Beta\s*This is a new service\. Help us improve it and give your feedback\.$/,
      );
      const footer = page.getByRole("contentinfo");
      for (const servicePage of SERVICE_PAGES) {
        expect(await footer.getByRole("link", { name: servicePage.title }).getAttribute("href")).toBe(servicePage.path);
      }
    }
    // Following them, as a person would.
    for (const servicePage of SERVICE_PAGES) {
      await page.goto(link);
      await page.getByRole("contentinfo").getByRole("link", { name: servicePage.title }).click();
      await waitForPage(page, (url) => url.pathname === servicePage.path);
      await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toMatch(servicePage.heading);
    }
    await page.goto(link);
    await page.getByRole("link", { name: "give your feedback" }).click();
    await waitForPage(page, (url) => url.pathname === "/contact" && url.hash === "#feedback");
    expect(await page.locator("#feedback").innerText()).toBe("Give feedback");
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});

describe.skipIf(skipE2e).each(modes)("the skip link $mode", ({ javaScript }) => {
  it("moves focus into the main content", async () => {
    const { context, page, problems } = await newContext(browser, { javaScript });
    const link = await seedAssessment({ completed: [] });
    for (const path of ["/privacy", `${link}/stakeholders/projects`]) {
      await page.goto(path);
      if (javaScript) await waitForHydration(page);
      await page.keyboard.press("Tab");
      expect(await focused(page)).toBe("a#");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to main content");
      await page.keyboard.press("Enter");
      await expect.poll(() => focused(page)).toBe("main#main-content");
      // The next Tab goes on from there, not from the top of the page.
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest("main")))).toBe(true);
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});

describe.skipIf(skipE2e)("pressing Enter on an 'Add another' page without JavaScript", () => {
  async function itemNames(page: Page, item: string): Promise<string[]> {
    const names: string[] = [];
    for (let index = 1; ; index++) {
      const group = page.getByRole("group", { name: `${item} ${index}`, exact: true });
      if ((await group.count()) === 0) return names;
      names.push(await group.getByLabel(/^Name of the /).inputValue());
    }
  }

  it("continues with the page, never removes the first item", async () => {
    const { context, page, problems } = await newContext(browser, { javaScript: false });
    const w = new Wizard(page, "nojs-enter");
    const link = await seedAssessment({ completed: [] });

    // Projects: add a third, type its name only, press Enter in it.
    await page.goto(`${link}/stakeholders/projects`);
    const before = await itemNames(page, "Project");
    expect(before).toEqual(["Te Rangi wind farm submission", "Rates review 2027/28"]);
    await page.getByRole("button", { name: "Add another project" }).click();
    await page.waitForLoadState("load");
    const third = w.group("Project 3").getByLabel("Name of the project or decision");
    await third.fill("Library refit");
    await third.press("Enter");
    // The third project is incomplete: the page comes back with its errors and every item kept.
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    expect(await itemNames(page, "Project")).toEqual([...before, "Library refit"]);
    await expectAccessible(page, "nojs-enter-projects-error");

    // Remove still works when pressed, and Enter in the second item saves and moves on.
    await w.group("Project 3").getByRole("button", { name: "Remove project 3" }).click();
    await page.waitForLoadState("load");
    expect(await itemNames(page, "Project")).toEqual(before);
    await w.group("Project 2").getByLabel("Name of the project or decision").fill("Rates review 2028/29");
    await w.group("Project 2").getByLabel("Name of the project or decision").press("Enter");
    await waitForPage(page, (url) => !url.pathname.endsWith("/projects"));
    await page.goto(`${link}/stakeholders/projects`);
    expect(await itemNames(page, "Project")).toEqual(["Te Rangi wind farm submission", "Rates review 2028/29"]);

    // Groups of their own: Enter in the name of the only one keeps it.
    await page.goto(`${link}/stakeholders/groups`);
    const own = await itemNames(page, "Group");
    expect(own).toEqual(["Ridge landowners and farmers"]);
    await w.group("Group 1").getByLabel("Name of the group").press("Enter");
    await waitForPage(page, (url) => !url.pathname.endsWith("/groups"));
    await page.goto(`${link}/stakeholders/groups`);
    expect(await itemNames(page, "Group")).toEqual(own);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});

describe.skipIf(skipE2e)("links drawn as buttons", () => {
  it("follow the Space key with JavaScript, as buttons do, and stay plain links without it", async () => {
    const { context, page, problems } = await newContext(browser, { javaScript: true });
    await page.goto("/");
    await page.getByRole("button", { name: "Start now" }).click();
    await waitForPage(page, /\/your-link\?started$/);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Continue to your assessment" }).focus();
    await page.keyboard.press("Space");
    await waitForPage(page, /\/a\/[A-Za-z0-9_-]{43}$/);

    const link = await seedAssessment({ finished: true });
    await page.goto(`${link}/report`);
    await waitForHydration(page);
    // Whether Space's own action (scrolling the page) was cancelled, reported as it happens: the
    // page may navigate away straight after.
    const prevented: boolean[] = [];
    await page.exposeFunction("reportSpace", (value: boolean) => prevented.push(value));
    await page.evaluate(() =>
      window.addEventListener("keydown", (event) => {
        if (event.key === " ")
          (window as unknown as { reportSpace(value: boolean): void }).reportSpace(event.defaultPrevented);
      }),
    );
    // Space follows the link: the browser asks for the PDF, as a navigation. NOTE: what arrives
    // then depends on the PDF render, which is tested in full-assessment.e2e.ts; a machine busy
    // enough to push a render past the server's 30 s limit would answer with the report page.
    const requested = page.waitForRequest(
      (request) => request.isNavigationRequest() && new URL(request.url()).pathname === `${link}/summary.pdf`,
      { timeout: 60_000 },
    );
    await page.getByRole("button", { name: "Download the board summary (PDF, 2 to 4 pages)" }).focus();
    await page.keyboard.press("Space");
    await requested;
    await expect.poll(() => prevented).toEqual([true]);

    await page.goto(`${link}/complete`);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Read your report" }).focus();
    await page.keyboard.press("Space");
    await waitForPage(page, /\/report$/);
    expect(problems).toEqual([]);
    await context.close();

    const plain = await newContext(browser, { javaScript: false });
    await plain.page.goto(`${link}/complete`);
    const readReport = plain.page.getByRole("button", { name: "Read your report" });
    expect(await readReport.evaluate((element) => element.tagName)).toBe("A");
    expect(await readReport.getAttribute("href")).toBe(`${link}/report`);
    await readReport.focus();
    await plain.page.keyboard.press("Enter");
    await waitForPage(plain.page, /\/report$/);
    await plain.context.close();
  }, 150_000);
});

describe.skipIf(skipE2e)("follow-up questions with JavaScript", () => {
  it("tell screen readers whether they are open, with aria-expanded on the option that opens them", async () => {
    const { context, page, problems } = await newContext(browser, { javaScript: true });
    const link = await seedAssessment({ completed: [] });
    await page.goto(`${link}/organisation/type`);
    await waitForHydration(page);
    const other = page.getByRole("radio", { name: "Something else" });
    const council = page.getByRole("radio", { name: "Local council" });
    // The first example is a local council: the follow-up starts closed.
    expect(await council.isChecked()).toBe(true);
    expect(await other.getAttribute("aria-expanded")).toBe("false");
    expect(await other.getAttribute("aria-controls")).toMatch(/^conditional-/);
    expect(await council.getAttribute("aria-expanded")).toBeNull();
    await other.check();
    expect(await other.getAttribute("aria-expanded")).toBe("true");
    expect(await page.getByLabel("Describe the type of organisation").isVisible()).toBe(true);
    await expectAccessible(page, "js-aria-expanded-radios");
    await council.check();
    expect(await other.getAttribute("aria-expanded")).toBe("false");

    await page.goto(`${link}/organisation/channels`);
    await waitForHydration(page);
    const otherChannels = page.getByRole("checkbox", { name: "Other channels" });
    expect(await otherChannels.getAttribute("aria-expanded")).toBe("false");
    await otherChannels.check();
    expect(await otherChannels.getAttribute("aria-expanded")).toBe("true");
    await otherChannels.uncheck();
    expect(await otherChannels.getAttribute("aria-expanded")).toBe("false");
    expect(problems).toEqual([]);
    await context.close();

    // Without JavaScript every follow-up shows, so nothing claims to expand.
    const plain = await newContext(browser, { javaScript: false });
    await plain.page.goto(`${link}/organisation/type`);
    expect(await plain.page.getByRole("radio", { name: "Something else" }).getAttribute("aria-expanded")).toBeNull();
    expect(await plain.page.getByLabel("Describe the type of organisation").isVisible()).toBe(true);
    await plain.context.close();
  }, 90_000);
});

describe.skipIf(skipE2e).each(modes)("removing a group that has answers $mode", ({ javaScript, slug }) => {
  it("asks on a page with its own title", async () => {
    const { context, page, problems } = await newContext(browser, { javaScript });
    const link = await seedAssessment({ completed: [] });
    await page.goto(`${link}/stakeholders/groups`);
    if (javaScript) await waitForHydration(page);
    const before = await page.title();
    expect(before).toMatch(/^Which groups do you need to engage\? – /);
    await page
      .getByRole("group", { name: "Common groups (optional)" })
      .getByLabel("News media", { exact: true })
      .uncheck();
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Remove News media?");
    await expect.poll(() => page.title()).toBe("Remove News media? – Engagement readiness assessment");
    await expectAccessible(page, `${slug}-remove-group-title`);
    // "No, go back" returns to the question, with its own title again.
    await page.getByRole("button", { name: "No, go back" }).click();
    await expect.poll(() => page.title()).toBe(before);
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);
});

describe.skipIf(skipE2e).each(modes)("who completed the assessment $mode", ({ javaScript, slug }) => {
  it("asks for a name and a role with autocomplete, and shows 'Name, role' on the report and the PDF", async () => {
    const { context, page, problems } = await newContext(browser, { javaScript });
    const link = await seedAssessment();
    await page.goto(`${link}/check-answers`);
    const group = page.getByRole("group", { name: /^Who completed this assessment\?/ });
    const name = group.getByLabel("Name", { exact: true });
    const role = group.getByLabel("Role", { exact: true });
    expect(await name.getAttribute("autocomplete")).toBe("name");
    expect(await role.getAttribute("autocomplete")).toBe("organization-title");
    await expectAccessible(page, `${slug}-check-answers-name-role`);
    await name.fill("Aroha Ngata");
    await role.fill("Director of Communications");
    await page.getByRole("button", { name: "Finish assessment" }).click();
    await waitForPage(page, /\/complete$/);

    await page.goto(`${link}/report`);
    expect(await page.locator("main").innerText()).toContain("Completed by Aroha Ngata, Director of Communications.");
    if (javaScript) {
      // The PDF's cover reads the same line. Fetched once, in one mode, to spare the slow render.
      const pdf = await page.request.get(`${link}/report.pdf`, { timeout: 90_000 });
      expect(pdf.status()).toBe(200);
      const dir = mkdtempSync(path.join(tmpdir(), "e2e-pdf-"));
      try {
        const file = path.join(dir, "report.pdf");
        writeFileSync(file, await pdf.body());
        const text = execFileSync("pdftotext", ["-l", "1", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
        expect(text.replace(/\s+/g, " ")).toContain("Aroha Ngata, Director of Communications");
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }

    // Both answers come back in their own fields.
    await page.goto(`${link}/check-answers`);
    expect(await name.inputValue()).toBe("Aroha Ngata");
    expect(await role.inputValue()).toBe("Director of Communications");
    expect(problems).toEqual([]);
    await context.close();
  }, 150_000);
});
