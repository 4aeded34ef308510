/**
 * Workshop participants (issue 14), as a facilitator and a participant use them. The facilitator
 * (with JavaScript, at desktop width) turns a client's assessment into a workshop, invites one
 * person by name and turns on the workshop link. A participant on a phone WITHOUT JavaScript joins
 * through that link, is refused a name already taken, gets their own link, and answers their
 * section. The facilitator sees their progress, removes the invited person and closes the
 * workshop; the participant's link then says so. axe checks every new page, error states included.
 */
import { randomBytes } from "node:crypto";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import type { Browser } from "playwright-core";
import { journeySteps, Wizard } from "./journey-helpers";
import { expectAccessible, launchBrowser, newContext, press, skipE2e, waitForPage } from "./support";

const PASSWORD = "kettle harbour violet march";
const PARTICIPANT_LINK = /\/a\/[A-Za-z0-9_-]{43}$/;

let browser: Browser;
beforeAll(async () => {
  if (!skipE2e) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function heading(page: Page): Promise<string> {
  return page.getByRole("heading", { level: 1 }).innerText();
}

/** Presses a button in the page's main part, once React has the page when JavaScript is on. */
describe.skipIf(skipE2e)("workshop participants", () => {
  const step = journeySteps(240_000);
  const suffix = randomBytes(4).toString("hex");
  const clientName = "Kawakawa Coast Council";
  let facilitator: { context: BrowserContext; page: Page; problems: string[] };
  let participant: { context: BrowserContext; page: Page; problems: string[] };
  let clientUrl = "";
  let participantsUrl = "";
  let workshopLink = "";
  let participantLink = "";
  afterAll(async () => {
    await facilitator?.context.close();
    await participant?.context.close();
  });

  step("the facilitator signs up, adds a client and starts its assessment", async () => {
    facilitator = await newContext(browser, { javaScript: true, viewport: "desktop" });
    const page = facilitator.page;
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Ana Lopez");
    await page.getByLabel("Work email address").fill(`ana.${suffix}@example.org`);
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
    await waitForPage(page, `${clientUrl}/assessments/new`);
    await press(page, "Start the assessment");
    await page.getByRole("heading", { name: "Assessment started" }).waitFor();
  });

  step("turns the assessment into a workshop, after a mistake", async () => {
    const page = facilitator.page;
    await page.goto(clientUrl);
    await page
      .locator("main")
      .getByRole("link", { name: /Run it as a workshop/ })
      .click();
    await waitForPage(page, /\/workshop\/start$/);
    expect(await heading(page)).toBe("Run this assessment as a workshop");
    // Every section but the organisation's facts is chosen to begin with.
    const sections = page.getByRole("group", { name: "Which sections do participants answer?" });
    expect(await sections.getByLabel("Describe your organisation").isChecked()).toBe(false);
    expect(await sections.getByLabel("Set your commitment").isChecked()).toBe(true);
    await expectAccessible(page, "workshop-start");

    for (const box of await sections.getByRole("checkbox").all()) await box.uncheck();
    await press(page, "Start the workshop");
    await page.locator(".govuk-error-summary").waitFor();
    const summary = await page.locator(".govuk-error-summary").innerText();
    expect(summary).toContain("Choose at least one section for participants to answer");
    expect(summary).toContain("Choose whether the facilitator's view shows participants' names");
    await expectAccessible(page, "workshop-start-errors");

    await sections.getByLabel("Set your commitment").check();
    await page.getByLabel("Hide names").check();
    await press(page, "Start the workshop");
    await waitForPage(page, /\/workshop\/participants\?started$/);
    participantsUrl = page.url().replace(/\?started$/, "");
    expect(await heading(page)).toBe("Workshop participants");
    expect(await page.locator(".govuk-notification-banner").innerText()).toContain("This assessment is now a workshop");
    await expectAccessible(page, "workshop-participants-empty");

    // Back on the client's page, the assessment now leads to its participants.
    await page.goto(clientUrl);
    await page
      .locator("main")
      .getByRole("link", { name: /Workshop participants/ })
      .click();
    await waitForPage(page, participantsUrl);
  });

  step("invites one person by name and turns on the workshop link", async () => {
    const page = facilitator.page;
    await page.getByLabel("Name", { exact: true }).fill("Aroha Ngata");
    await page.getByLabel("Role (optional)").fill("Communications lead");
    await press(page, "Invite");
    await page.getByRole("heading", { name: "Aroha Ngata's own link" }).waitFor();
    const invited = (await page.locator("code.app-private-link").innerText()).trim();
    expect(invited).toMatch(PARTICIPANT_LINK);
    expect(await page.locator("main").innerText()).toContain("Copy this link now. It will not be shown again.");
    expect(await page.locator("main tbody").innerText()).toContain("Aroha Ngata");
    await expectAccessible(page, "workshop-participant-invited");

    // The same name again, in other case and spacing: refused, what was typed kept.
    await page.getByLabel("Name", { exact: true }).fill("  aroha  NGATA");
    await page.getByLabel("Role (optional)").fill("Mayor's office");
    await press(page, "Invite");
    await page.locator(".govuk-error-summary").waitFor();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain(
      "Someone in this workshop already has this name",
    );
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe("  aroha  NGATA");
    expect(await page.getByLabel("Role (optional)").inputValue()).toBe("Mayor's office");
    await expectAccessible(page, "workshop-invite-same-name");

    await press(page, "Turn on the workshop link");
    await page.getByRole("heading", { name: "The workshop link", level: 2 }).first().waitFor();
    workshopLink = (await page.locator("code.app-private-link").innerText()).trim();
    expect(workshopLink).toMatch(/\/join\/[A-Za-z0-9_-]{43}$/);
    await expectAccessible(page, "workshop-link-on");
    // Shown once: a fresh visit does not show it again.
    await page.goto(participantsUrl);
    expect(await page.locator("main").innerText()).not.toContain(workshopLink);
    expect(await page.locator("main").innerText()).toContain("The workshop link is on.");
  });

  step("a participant on a phone without JavaScript joins through the workshop link", async () => {
    participant = await newContext(browser, { javaScript: false, viewport: "phone" });
    const page = participant.page;
    await page.goto(workshopLink);
    expect(await heading(page)).toBe("Join the workshop");
    const intro = await page.locator("main").innerText();
    expect(intro).toContain(clientName);
    // What they will answer and for how long, from the workshop's own settings: one section, names hidden.
    expect(intro).toContain("You will answer one part of the assessment: Set your commitment.");
    expect(intro).toContain("It takes about 2 to 3 minutes");
    expect(intro).toContain("but not which answers are yours");
    await expectAccessible(page, "workshop-join");

    await page.getByLabel("Your name").fill("Aroha Ngata");
    await page.getByLabel("Your role (optional)").fill("Councillor");
    await press(page, "Join", false);
    await page.locator(".govuk-error-summary").waitFor();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain(
      "Someone in this workshop already has this name",
    );
    expect(await page.getByLabel("Your role (optional)").inputValue()).toBe("Councillor");
    await expectAccessible(page, "workshop-join-same-name");

    await page.getByLabel("Your name").fill("Wiremu Tane");
    await press(page, "Join", false);
    await page.getByRole("heading", { name: "Your own link" }).waitFor();
    participantLink = (await page.locator("code.app-private-link").innerText()).trim();
    expect(participantLink).toMatch(PARTICIPANT_LINK);
    expect(await page.locator("main").innerText()).toContain("Copy this link now. It will not be shown again.");
    await expectAccessible(page, "workshop-your-own-link");

    await page.getByRole("button", { name: "Start answering" }).click();
    await waitForPage(page, PARTICIPANT_LINK);
    expect(await heading(page)).toBe("Your answers for the workshop");
    const main = await page.locator("main").innerText();
    expect(main).toContain(`You are answering for the ${clientName} workshop`);
    expect(main).toContain("Set your commitment");
    expect(main).toContain("You have completed 0 of 1 section.");
    expect(main).not.toContain("Describe your organisation");
    expect(main).not.toContain("readiness report");
    await expectAccessible(page, "workshop-participant-task-list");
  });

  step("the participant answers their commitment section", async () => {
    const page = participant.page;
    const w = new Wizard(page, "workshop-participant");
    await w.openTask("Set your commitment");
    await w.arrive(/\/commitment\/objectives-set$/, "objectives-set");
    await w.choose("Have you set objectives for your online engagement?", "Not yet");
    await w.continue();
    await waitForPage(page, /\/sponsor$/);
    await w.choose("Is there an executive who will champion this and clear obstacles?", "Yes");
    await w.fill("What is their role?", "Chief Executive");
    await w.continue();
    await waitForPage(page, /\/currency$/);
    await w.choose("Which currency does your organisation budget in?", "Another currency");
    await w.continue();
    await waitForPage(page, /\/budget$/);
    await w.choose("What yearly budget is there for this, apart from staff time?", "Less than 10,000");
    await w.continue();
    await waitForPage(page, /\/review$/);
    await w.choose("How often will your leaders review how it is going?", "Every 3 months");
    await w.continue();
    await waitForPage(page, /\/duration$/);
    await w.choose("How long does your organisation intend to keep this up?", "For good, as part of how we work");
    await w.continue();
    await w.arrive(/\/check\/commitment$/, "commitment-check");
    await w.completeSection();
    expect(await w.status("Set your commitment")).toBe("Completed");
    // Another section's pages are not theirs.
    const response = await page.goto(`${participantLink}/organisation/name`);
    expect(response?.status()).toBe(404);
    await page.goto(participantLink);
  });

  step("checks their answers and finishes, with no report to read", async () => {
    const page = participant.page;
    await page.getByRole("link", { name: "Check your answers and finish" }).click();
    await waitForPage(page, /\/check-answers$/);
    const main = await page.locator("main").innerText();
    expect(main).toContain("Set your commitment");
    expect(main).not.toContain("Who completed this assessment?");
    await expectAccessible(page, "workshop-participant-check-answers");
    await press(page, "Finish", false);
    await waitForPage(page, /\/complete$/);
    expect(await heading(page)).toBe("Thank you, Wiremu Tane");
    expect(await page.locator("main").innerText()).not.toContain("report");
    await expectAccessible(page, "workshop-participant-thank-you");
    expect(participant.problems).toEqual([]);
  });

  step("the participant loses their link: the facilitator makes a new one, and only the new one works", async () => {
    const page = facilitator.page;
    await page.goto(participantsUrl);
    await page
      .locator("main tbody tr", { hasText: "Wiremu Tane" })
      .getByRole("link", { name: /Make a new link/ })
      .click();
    await waitForPage(page, /\/participants\/[0-9a-f-]{36}\/new-link$/);
    expect(await heading(page)).toBe("Make a new link for Wiremu Tane?");
    const ask = await page.locator("main").innerText();
    expect(ask).toContain("Their current link stops working straight away.");
    expect(ask).toMatch(/The \d+ answers they have given are kept/);
    await expectAccessible(page, "workshop-new-participant-link");
    // Cancel changes nothing.
    await page.getByRole("link", { name: "Cancel" }).click();
    await waitForPage(page, participantsUrl);
    expect(await page.locator(".app-new-link").count()).toBe(0);

    await page
      .locator("main tbody tr", { hasText: "Wiremu Tane" })
      .getByRole("link", { name: /Make a new link/ })
      .click();
    await waitForPage(page, /\/new-link$/);
    await press(page, "Make a new link");
    await page.getByRole("heading", { name: "Wiremu Tane's own link" }).waitFor();
    const newLink = (await page.locator("code.app-private-link").innerText()).trim();
    expect(newLink).toMatch(PARTICIPANT_LINK);
    expect(newLink).not.toBe(participantLink);
    await expectAccessible(page, "workshop-new-participant-link-made");

    const old = await participant.page.goto(participantLink);
    expect(old?.status()).toBe(404);
    participantLink = newLink;
    await participant.page.goto(participantLink);
    expect(await heading(participant.page)).toBe("Your answers for the workshop");
    expect(await participant.page.locator("main").innerText()).toContain("You have completed 1 of 1 section.");
  });

  step("the facilitator sees their progress, removes the invited person and closes the workshop", async () => {
    const page = facilitator.page;
    await page.goto(participantsUrl);
    const wiremu = page.locator("main tbody tr", { hasText: "Wiremu Tane" });
    expect(await wiremu.innerText()).toMatch(/Joined with the workshop link[\s\S]*Finished/);
    expect(await page.locator("main").innerText()).toContain(
      'Participants answer "Set your commitment". Names are hidden in your view',
    );

    await page
      .locator("main tbody tr", { hasText: "Aroha Ngata" })
      .getByRole("link", { name: /Remove/ })
      .click();
    await waitForPage(page, /\/participants\/[0-9a-f-]{36}\/remove$/);
    expect(await heading(page)).toBe("Remove Aroha Ngata from the workshop?");
    await expectAccessible(page, "workshop-remove-participant");
    await press(page, "Remove Aroha Ngata");
    await waitForPage(page, /\/participants\?removed=/);
    expect(await page.locator(".govuk-notification-banner").innerText()).toContain(
      "Aroha Ngata was removed from the workshop",
    );
    expect(await page.locator("main tbody tr", { hasText: "Aroha Ngata" }).innerText()).toContain("Removed");

    await press(page, "Close the workshop");
    await page.locator(".govuk-notification-banner", { hasText: "The workshop is closed" }).waitFor();
    await expectAccessible(page, "workshop-participants-closed");
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, "workshop-participants-closed-phone");
    expect(facilitator.problems).toEqual([]);
  });

  step("the participant's link now says the workshop has closed, and saves nothing", async () => {
    const page = participant.page;
    await page.goto(participantLink);
    await waitForPage(page, /\/closed$/);
    expect(await heading(page)).toBe("This workshop has closed");
    expect(await page.locator("main").innerText()).toContain("Your answers are kept");
    await expectAccessible(page, "workshop-participant-closed");
    await page.goto(workshopLink);
    expect(await heading(page)).toBe("This workshop has closed");
  });
});
