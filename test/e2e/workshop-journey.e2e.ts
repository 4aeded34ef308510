/**
 * A workshop from start to finish, as issue 14's "done when" describes it, through the browser
 * only (the executive's own answers to the other sections are written through the repositories,
 * as in the consultant's journey). A facilitator turns a client's assessment into a workshop on
 * the commitment section and turns on the workshop link. Three participants join through it in
 * their own browsers (one on a phone without JavaScript) and answer differently while the
 * facilitator's view is open: it ranks the disagreements and updates by itself. Projector mode is
 * checked at 1920x1080 and a screenshot saved. The facilitator settles every question, finishes
 * the assessment, and the report page and both PDFs show the settled answers and "Where your team
 * disagreed". axe checks every page on the way.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { RURAL_COUNCIL } from "../fixtures/example-organisations";
import { journeySteps, Wizard } from "./journey-helpers";
import { answerEverything, closeSeedDatabase } from "./seed";
import { expectAccessible, launchBrowser, newContext, press, skipE2e, waitForHydration, waitForPage } from "./support";

const PASSWORD = "kettle harbour violet march";
const WIZARD = /\/a\/[A-Za-z0-9_-]{43}$/;
const RESULTS = path.resolve("test-results");
const REASON = "The chief executive wants a report every quarter, and the board agreed";

let browser: Browser;
const dir = mkdtempSync(path.join(tmpdir(), "workshop-journey-"));
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

function pdfText(file: string): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 16 << 20 });
}

type Person = {
  name: string;
  role: string;
  javaScript: boolean;
  viewport: "desktop" | "phone";
  /** The commitment section's answers, by question. */
  sponsor: "Yes" | "No" | "Not decided yet";
  budget: string;
  review: string;
  duration: string;
};

const PEOPLE: Person[] = [
  {
    name: "Aroha Ngata",
    role: "Chief executive",
    javaScript: true,
    viewport: "desktop",
    sponsor: "Yes",
    budget: "Less than 10,000",
    review: "Every month",
    duration: "For good, as part of how we work",
  },
  {
    name: "Ben Ito",
    role: "Communications lead",
    javaScript: true,
    viewport: "phone",
    sponsor: "Yes",
    budget: "Less than 10,000",
    review: "Every 3 months",
    duration: "For good, as part of how we work",
  },
  {
    name: "Mere Tane",
    role: "Councillor",
    javaScript: false,
    viewport: "phone",
    sponsor: "Yes",
    budget: "Less than 10,000",
    review: "Once a year",
    duration: "For good, as part of how we work",
  },
];

describe.skipIf(skipE2e)("a workshop, from the first participant to the report", () => {
  const step = journeySteps(240_000);
  const suffix = randomBytes(4).toString("hex");
  const clientName = `Tōtara Bay District Council ${suffix}`;
  let facilitator: { context: BrowserContext; page: Page; problems: string[] };
  const participants: { context: BrowserContext; page: Page; problems: string[] }[] = [];
  let clientUrl = "";
  let wizardPath = "";
  let workshopUrl = "";
  let workshopLink = "";
  afterAll(async () => {
    await facilitator?.context.close();
    for (const participant of participants) await participant.context.close();
  });

  step("the facilitator signs up, adds the client and answers its facts", async () => {
    facilitator = await newContext(browser, { javaScript: true, viewport: "desktop" });
    const page = facilitator.page;
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Ana Lopez");
    await page.getByLabel("Work email address").fill(`ana.journey.${suffix}@example.org`);
    await page.getByLabel("Create a password").fill(PASSWORD);
    await page.getByLabel("Workspace name").fill(`Harbour Engagement ${suffix}`);
    await press(page, "Create account");
    await waitForPage(page, /\/w\/[0-9a-f-]{36}$/);
    const workspaceUrl = page.url();
    await page.goto(`${workspaceUrl}/clients/new`);
    await page.getByLabel("Client's name").fill(clientName);
    await press(page, "Add client");
    await waitForPage(page, /\/clients\/[0-9a-f-]{36}\?added$/);
    clientUrl = page.url().replace(/\?added$/, "");
    await page.locator("main").getByRole("link", { name: "Start a new assessment" }).click();
    await press(page, "Start the assessment");
    await page.getByRole("heading", { name: "Assessment started" }).waitFor();
    await press(page, "Answer it here");
    await waitForPage(page, WIZARD);
    wizardPath = new URL(page.url()).pathname;
    // The facts of the organisation and the sections the group does not answer, as the
    // consultant's notes give them; the commitment section is left to the workshop.
    await answerEverything(wizardPath, RURAL_COUNCIL.answers);
  });

  step("turns the assessment into a workshop on the commitment section and opens the workshop link", async () => {
    const page = facilitator.page;
    await page.goto(clientUrl);
    await page
      .locator("main")
      .getByRole("link", { name: /Run it as a workshop/ })
      .click();
    await waitForPage(page, /\/workshop\/start$/);
    const sections = page.getByRole("group", { name: "Which sections do participants answer?" });
    for (const box of await sections.getByRole("checkbox").all()) await box.uncheck();
    await sections.getByLabel("Set your commitment").check();
    await page.getByLabel("Show names").check();
    await press(page, "Start the workshop");
    await waitForPage(page, /\/workshop\/participants\?started$/);
    workshopUrl = page.url().replace(/\/participants\?started$/, "");
    await press(page, "Turn on the workshop link");
    await page.getByRole("heading", { name: "The workshop link", level: 2 }).first().waitFor();
    workshopLink = (await page.locator("code.app-private-link").innerText()).trim();
    expect(workshopLink).toMatch(/\/join\/[A-Za-z0-9_-]{43}$/);
    await expectAccessible(page, "journey-workshop-link");

    // The settings can change later: a mistake is refused with the choices kept, then saved.
    await page.goto(`${workshopUrl}/participants`);
    await page.locator("main").getByRole("link", { name: "Change the settings" }).click();
    await waitForPage(page, /\/workshop\/settings$/);
    expect(await heading(page)).toBe("Change the workshop's settings");
    const settings = page.getByRole("group", { name: "Which sections do participants answer?" });
    expect(await settings.getByLabel("Set your commitment").isChecked()).toBe(true);
    expect(await page.getByLabel("Show names").isChecked()).toBe(true);
    await expectAccessible(page, "journey-workshop-settings");
    await settings.getByLabel("Set your commitment").uncheck();
    await press(page, "Save the settings");
    await page.locator(".govuk-error-summary").waitFor();
    expect(await page.getByLabel("Show names").isChecked()).toBe(true);
    await expectAccessible(page, "journey-workshop-settings-error");
    await settings.getByLabel("Set your commitment").check();
    await press(page, "Save the settings");
    await waitForPage(page, /\/workshop\/participants\?changed$/);
    expect(await page.locator(".govuk-notification-banner").innerText()).toContain("The workshop's settings are saved");

    // The facilitator's view, open from here on: nobody has joined yet.
    await page.goto(workshopUrl);
    await waitForHydration(page);
    expect(await heading(page)).toBe("Workshop");
    await expectAccessible(page, "journey-facilitator-empty");
  });

  step("three people join in their own browsers, one without JavaScript, and answer differently", async () => {
    for (const person of PEOPLE) {
      const participant = await newContext(browser, { javaScript: person.javaScript, viewport: person.viewport });
      participants.push(participant);
      const page = participant.page;
      await page.goto(workshopLink);
      expect(await heading(page)).toBe("Join the workshop");
      await page.getByLabel("Your name").fill(person.name);
      await page.getByLabel("Your role (optional)").fill(person.role);
      await press(page, "Join", person.javaScript);
      await page.getByRole("heading", { name: "Your own link" }).waitFor();
      await page.getByRole("button", { name: "Start answering" }).click();
      await waitForPage(page, WIZARD);

      const w = new Wizard(page, `journey-${person.viewport}-${person.javaScript ? "js" : "no-js"}`);
      await w.openTask("Set your commitment");
      await w.arrive(/\/commitment\/objectives-set$/, "objectives-set");
      await w.choose("Have you set objectives for your online engagement?", "Not yet");
      await w.continue();
      await waitForPage(page, /\/sponsor$/);
      await w.choose("Is there an executive who will champion this and clear obstacles?", person.sponsor);
      if (person.sponsor === "Yes") await w.fill("What is their role?", "Chief Executive");
      await w.continue();
      await waitForPage(page, /\/currency$/);
      await w.choose("Which currency does your organisation budget in?", "Another currency");
      await w.continue();
      await waitForPage(page, /\/budget$/);
      await w.choose("What yearly budget is there for this, apart from staff time?", person.budget);
      await w.continue();
      await waitForPage(page, /\/review$/);
      await w.choose("How often will your leaders review how it is going?", person.review);
      await w.continue();
      await waitForPage(page, /\/duration$/);
      await w.choose("How long does your organisation intend to keep this up?", person.duration);
      await w.continue();
      await w.arrive(/\/check\/commitment$/, "commitment-check");
      await w.completeSection();
      expect(participant.problems).toEqual([]);
    }
  });

  step("the facilitator's view ranks the disagreement and updates by itself", async () => {
    const page = facilitator.page;
    // The page has been open all along: it shows the three without a reload.
    const main = page.locator("main");
    await main.getByRole("heading", { name: "0 of 3 have finished" }).waitFor({ timeout: 15_000 });
    const ranking = main.locator(".app-ranking > li");
    await expect.poll(() => ranking.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // The leaders' review is the one they disagree on, from monthly to yearly: it comes first.
    expect(await ranking.first().innerText()).toContain("How often will your leaders review how it is going?");
    expect(await ranking.first().innerText()).toMatch(/Strong|Some/);
    const review = main.locator(".app-question-spread", { hasText: "How often will your leaders review" }).first();
    const spread = await review.innerText();
    for (const person of PEOPLE) expect(spread).toContain(person.name);
    await expectAccessible(page, "journey-facilitator-ranked");
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS, "journey-facilitator-1280.png"), fullPage: true });

    // Mere finishes on her phone without JavaScript; the open page says so by itself.
    const mere = participants[2];
    if (!mere) throw new Error("no Mere");
    await mere.page.getByRole("link", { name: "Check your answers and finish" }).click();
    await waitForPage(mere.page, /\/check-answers$/);
    await press(mere.page, "Finish", false);
    await waitForPage(mere.page, /\/complete$/);
    expect(await heading(mere.page)).toBe("Thank you, Mere Tane");
    await main.getByRole("heading", { name: "1 of 3 have finished" }).waitFor({ timeout: 10_000 });
  });

  step("projector mode shows the most divergent question on a 1920x1080 wall", async () => {
    const state = await facilitator.context.storageState();
    const wall = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      storageState: state,
      baseURL: new URL(facilitator.page.url()).origin,
    });
    try {
      const page = await wall.newPage();
      await page.goto(`${workshopUrl}/projector`);
      const main = page.locator("main");
      expect(await main.innerText()).toContain("How often will your leaders review how it is going?");
      expect(await main.innerText()).toMatch(/Question 1 of \d+, by disagreement/);
      const html = await page.content();
      expect(html).not.toMatch(/\/a\/[A-Za-z0-9_-]{43}/);
      expect(html).not.toMatch(/\/join\/[A-Za-z0-9_-]{43}/);
      await expectAccessible(page, "journey-projector");
      mkdirSync(RESULTS, { recursive: true });
      await page.screenshot({ path: path.join(RESULTS, "journey-projector-1920x1080.png") });
    } finally {
      await wall.close();
    }
  });

  step("the facilitator settles every question, one with a reason", async () => {
    const page = facilitator.page;
    await page.goto(`${workshopUrl}/settle`);
    expect(await heading(page)).toBe("Settle the group's answers");
    await expectAccessible(page, "journey-settle-list");
    const rows = page.getByTestId("to-settle").locator("tbody tr");
    expect(await rows.nth(0).innerText()).toContain("review");
    await rows.nth(0).getByRole("link").click();
    await waitForPage(page, /\/workshop\/settle\/[^/?]+$/);
    // The group settles on every three months, and says why.
    await page.getByLabel("Every 3 months", { exact: true }).check();
    await page.getByLabel("Why the group chose this (optional)").fill(REASON);
    // Then every other question, from its suggested answer, until none is left.
    for (let saved = 0; saved < 20; saved += 1) {
      const before = page.url();
      await press(page, "Save the group's answer");
      await waitForPage(page, (url) => url.href !== before && /\/workshop\/settle(\/[^/?]+)?\?settled=/.test(url.href));
      if (/\/workshop\/settle\?settled=/.test(page.url())) break;
      await expect(page.locator(".govuk-error-summary").count()).resolves.toBe(0);
    }
    expect(await page.getByTestId("settle-count").innerText()).toContain(
      "Every question the participants answered is settled",
    );
    expect(await page.locator("main").innerText()).toContain(REASON);
    await expectAccessible(page, "journey-settled");
  });

  step(
    "the assessment is finished, and the report and PDFs show the settled answers and the disagreement",
    async () => {
      const page = facilitator.page;
      await page.goto(`${wizardPath}/check-answers`);
      expect(await heading(page)).toBe("Check your answers before you finish");
      await press(page, "Finish assessment");
      await waitForPage(page, /\/complete$/);

      const reportUrl = workshopUrl.replace(/\/workshop$/, "/report");
      await page.goto(reportUrl);
      const section = page.locator("section", {
        has: page.getByRole("heading", { name: "Where your team disagreed" }),
      });
      const text = await section.innerText();
      expect(text).toContain("3 people from your team answered the questions on their own");
      expect(text).toContain("Every 3 months");
      expect(text).toContain(REASON);
      await expectAccessible(page, "journey-report");

      for (const [name, url] of [
        ["report", `${reportUrl}.pdf`],
        ["summary", reportUrl.replace(/\/report$/, "/summary.pdf")],
      ] as const) {
        const response = await facilitator.context.request.get(url);
        expect(response.status()).toBe(200);
        const file = path.join(dir, `${name}.pdf`);
        writeFileSync(file, await response.body());
        const pdf = pdfText(file).replace(/\s+/g, " ");
        expect(pdf, name).toContain("Where your team disagreed");
        expect(pdf, name).toContain("Every 3 months");
        // No private or workshop link in either file.
        expect(pdf, name).not.toMatch(/\/(a|join)\/[A-Za-z0-9_-]{43}/);
      }
      expect(facilitator.problems).toEqual([]);
    },
  );
});
