/**
 * Settling a workshop, end to end: a consultant's client assessment becomes a workshop with three
 * participants who answered differently (written through the repositories: startWorkshop,
 * joinWorkshop, saveAnswers); finishing is refused while questions are unsettled; the
 * facilitator settles each question in the browser (one with a reason, one without JavaScript on
 * a phone) and watches the list shrink; the assessment is finished; the report page and the PDFs
 * say where the team disagreed, what it agreed and why. axe checks every new page.
 */
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { openDatabase } from "../../db/connection";
import { saveAnswers } from "../../db/repositories/answers";
import { findRespondentByTokenHash } from "../../db/repositories/assessments";
import { joinWorkshop, settleQuestion, startWorkshop } from "../../db/repositories/workshops";
import { RURAL_COUNCIL } from "../fixtures/example-organisations";
import { journeySteps } from "./journey-helpers";
import { answerEverything, closeSeedDatabase } from "./seed";
import { databaseUrl, expectAccessible, launchBrowser, newContext, press, skipE2e, waitForPage } from "./support";

const PASSWORD = "harbour kettle violet march";
const WIZARD = /\/a\/[A-Za-z0-9_-]{43}$/;
const REASON = "Two part-time officers, plus the manager on Fridays";

let browser: Browser;
const dir = mkdtempSync(path.join(tmpdir(), "workshop-settling-"));
const db = openDatabase(databaseUrl);
beforeAll(async () => {
  if (!skipE2e) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await closeSeedDatabase();
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

function sha256(text: string) {
  return createHash("sha256").update(text).digest("hex");
}

async function heading(page: Page): Promise<string> {
  return page.getByRole("heading", { level: 1 }).innerText();
}

function pdfText(file: string): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 16 << 20 });
}

describe.skipIf(skipE2e)("settling a workshop", () => {
  const step = journeySteps(240_000);
  const suffix = randomBytes(4).toString("hex");
  const email = `facilitator.${suffix}@example.org`;
  const clientName = `Coast District Council ${suffix}`;
  let facilitator: { context: BrowserContext; page: Page; problems: string[] };
  let wizardPath = "";
  let settleUrl = "";
  let reportUrl = "";

  afterAll(async () => {
    await facilitator?.context.close();
  });

  step("a consultant's client assessment becomes a workshop of three who answered differently", async () => {
    facilitator = await newContext(browser, { javaScript: true, viewport: "desktop" });
    const page = facilitator.page;
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Ana Lopez");
    await page.getByLabel("Work email address").fill(email);
    await page.getByLabel("Create a password").fill(PASSWORD);
    await page.getByLabel("Workspace name").fill(`Harbour Engagement ${suffix}`);
    await press(page, "Create account");
    await waitForPage(page, /\/w\/[0-9a-f-]{36}$/);
    const workspaceUrl = page.url();
    const workspaceId = workspaceUrl.split("/").pop() ?? "";
    await page.goto(`${workspaceUrl}/clients/new`);
    await page.getByLabel("Client's name").fill(clientName);
    await press(page, "Add client");
    await waitForPage(page, /\/clients\/[0-9a-f-]{36}\?added$/);
    await page.locator("main").getByRole("link", { name: "Start a new assessment" }).click();
    await press(page, "Start the assessment");
    await page.getByRole("heading", { name: "Assessment started" }).waitFor();
    await press(page, "Answer it here");
    await waitForPage(page, WIZARD);
    wizardPath = new URL(page.url()).pathname;
    await answerEverything(wizardPath, RURAL_COUNCIL.answers);

    const owner = await findRespondentByTokenHash(db, sha256(wizardPath.split("/")[2] ?? ""));
    const user = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
    if (!owner) throw new Error("no assessment");
    const scope = { userId: user.id, workspaceId, allowedRoles: ["owner", "consultant"] as const };
    const started = await startWorkshop(db, { ...scope, allowedRoles: [...scope.allowedRoles] }, owner.assessmentId, {
      participantSections: ["capacity"],
      namesShown: true,
    });
    expect(started).toEqual({ ok: true });
    const answers = [
      { name: "Aroha Ngata", set: { teamPeople: 2, teamHoursPerWeek: 4, accountAccess: "one-person" } },
      { name: "Ben Ito", set: { teamPeople: 5, teamHoursPerWeek: 10, accountAccess: "one-person" } },
      { name: "Mere Tane", set: { teamPeople: 9, teamHoursPerWeek: 40, accountAccess: "one-person" } },
    ];
    for (const participant of answers) {
      const joined = await joinWorkshop(db, {
        assessmentId: owner.assessmentId,
        name: participant.name,
        roleLabel: null,
        accessTokenHash: sha256(randomBytes(32).toString("base64url")),
        joinedVia: "workshop-link",
      });
      if (!joined.ok) throw new Error(`could not join ${participant.name}`);
      await saveAnswers(db, {
        respondentId: joined.respondentId,
        assessmentId: owner.assessmentId,
        organisationId: owner.organisationId,
        set: participant.set,
        clear: [],
      });
    }
    settleUrl = `/w/${workspaceId}/assessments/${owner.assessmentId}/workshop/settle`;
    reportUrl = `/w/${workspaceId}/assessments/${owner.assessmentId}/report`;
  });

  step("finishing is refused while the group has questions to settle, each linked", async () => {
    const page = facilitator.page;
    await page.goto(`${wizardPath}/check-answers`);
    expect(await heading(page)).toBe("The workshop has answers still to settle");
    const listed = await page.getByTestId("unsettled-questions").innerText();
    expect(listed).toContain("People who help");
    expect(listed).toContain("Hours a week, in total");
    expect(listed).toContain("Access to accounts");
    expect(await page.getByRole("button", { name: "Finish assessment" }).count()).toBe(0);
    await expectAccessible(page, "workshop-finish-refused");
  });

  step("the facilitator settles the most divergent question first, with a reason", async () => {
    const page = facilitator.page;
    await page.goto(settleUrl);
    expect(await heading(page)).toBe("Settle the group's answers");
    expect(await page.getByTestId("settle-count").innerText()).toContain("3 questions still to settle");
    const rows = page.getByTestId("to-settle").locator("tbody tr");
    // Most disagreement first: hours (4, 10, 40) before people (2, 5, 9) before access (all agree).
    expect(await rows.nth(0).innerText()).toContain("Hours a week, in total");
    expect(await rows.nth(1).innerText()).toContain("People who help");
    expect(await rows.nth(0).innerText()).toContain("Strong disagreement");
    await expectAccessible(page, "workshop-settle-list");

    await rows.nth(0).getByRole("link").click();
    await waitForPage(page, /\/workshop\/settle\/teamHoursPerWeek$/);
    const spread = await page.getByTestId("spread").innerText();
    expect(spread).toContain("Answers ranged from 4 to 40 hours a week; the middle answer was 10");
    expect(spread).toContain("Mere Tane: 40");
    // The form starts from the middle answer.
    const box = page.getByRole("textbox", { name: "Hours a week, in total" });
    expect(await box.inputValue()).toBe("10");
    await expectAccessible(page, "workshop-settle-question");

    // Bad input: the question's own message, and what was typed is kept.
    await box.fill("lots");
    await page.getByLabel("Why the group chose this (optional)").fill(REASON);
    await press(page, "Save the group's answer");
    await page.locator(".govuk-error-summary").waitFor();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("Enter the hours a week as a number");
    expect(await box.inputValue()).toBe("lots");
    expect(await page.getByLabel("Why the group chose this (optional)").inputValue()).toBe(REASON);
    await expectAccessible(page, "workshop-settle-error");

    await box.fill("12");
    await press(page, "Save the group's answer");
    // On to the next most divergent, with the count down by one.
    await waitForPage(page, /\/workshop\/settle\/teamPeople\?settled=teamHoursPerWeek$/);
    expect(await page.locator(".govuk-notification-banner--success").innerText()).toContain("Hours a week, in total");
    expect(await page.getByTestId("remaining").innerText()).toBe("2 questions still to settle.");
  });

  step("on a phone without JavaScript, the next question is settled from its suggested answer", async () => {
    const state = await facilitator.context.storageState();
    const phone = await newContext(browser, { javaScript: false, viewport: "phone", storageState: state });
    try {
      const page = phone.page;
      await page.goto(`${settleUrl}/teamPeople`);
      expect(await page.getByRole("textbox", { name: "Number of people" }).inputValue()).toBe("5");
      await expectAccessible(page, "workshop-settle-question-phone");
      await page.getByRole("button", { name: "Save the group's answer" }).click();
      await waitForPage(page, /\/workshop\/settle\/accountAccess\?settled=teamPeople$/);
      expect(await page.getByTestId("remaining").innerText()).toBe("1 question still to settle.");
      await page.goto(settleUrl);
      expect(await page.getByTestId("settle-count").innerText()).toContain("1 question still to settle");
      await expectAccessible(page, "workshop-settle-list-phone");
      expect(phone.problems).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });

  step("the last question is settled and the list says so", async () => {
    const page = facilitator.page;
    await page.goto(`${settleUrl}/accountAccess`);
    expect(await page.getByLabel("Only one person").isChecked()).toBe(true);
    await press(page, "Save the group's answer");
    await waitForPage(page, /\/workshop\/settle\?settled=accountAccess$/);
    expect(await page.getByTestId("settle-count").innerText()).toContain(
      "Every question the participants answered is settled",
    );
    const settled = await page.locator("main").innerText();
    expect(settled).toContain("12 hours a week");
    expect(settled).toContain(`Why: ${REASON}`);
    expect(settled).toContain("Settled by Ana Lopez");
    await expectAccessible(page, "workshop-settle-list-done");
  });

  step("a second facilitator's decision made meanwhile is shown, not overwritten", async () => {
    const page = facilitator.page;
    await page.goto(`${settleUrl}/teamPeople`);
    await page.getByRole("textbox", { name: "Number of people" }).fill("7");
    // Meanwhile a colleague settles it (as the repository would for their own request).
    const [workspaceId, assessmentId] = [settleUrl.split("/")[2] ?? "", settleUrl.split("/")[4] ?? ""];
    const user = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
    const theirs = await settleQuestion(
      db,
      { userId: user.id, workspaceId, allowedRoles: ["owner", "consultant"] },
      { assessmentId, questionId: "teamPeople", value: 6, reason: "Counting the library staff", expectedRevision: 1 },
    );
    expect(theirs).toEqual({ ok: true, revision: 2 });
    await press(page, "Save the group's answer");
    const conflict = page.getByTestId("conflict");
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain("Someone settled this while you were looking");
    expect(await conflict.innerText()).toContain("6 people");
    expect(await conflict.innerText()).toContain("Counting the library staff");
    expect(await page.getByRole("textbox", { name: "Number of people" }).inputValue()).toBe("7");
    await expectAccessible(page, "workshop-settle-conflict");
    await press(page, "Keep their answer");
    await waitForPage(page, /\/workshop\/settle\?settled=teamPeople$/);
    expect(await page.locator("main").innerText()).toContain("Counting the library staff");
  });

  step("the assessment is finished, and the report and PDFs say where the team disagreed", async () => {
    const page = facilitator.page;
    await page.goto(`${wizardPath}/check-answers`);
    expect(await heading(page)).toBe("Check your answers before you finish");
    await press(page, "Finish assessment");
    await waitForPage(page, /\/complete$/);

    await page.goto(reportUrl);
    const section = page.locator("section", { has: page.getByRole("heading", { name: "Where your team disagreed" }) });
    const text = await section.innerText();
    expect(text).toContain("3 people from your team answered the questions on their own");
    expect(text).toContain("Hours a week, in total");
    expect(text).toContain("12 hours a week");
    expect(text).toContain(REASON);
    expect(text).toContain("Strong disagreement");
    expect(await page.locator("main").innerText()).toContain("How the team's disagreement was measured");
    await expectAccessible(page, "workshop-report");

    for (const [name, url] of [
      ["report", `${reportUrl}.pdf`],
      ["summary", reportUrl.replace(/\/report$/, "/summary.pdf")],
    ] as const) {
      const response = await facilitator.context.request.get(url);
      expect(response.status()).toBe(200);
      const file = path.join(dir, `${name}.pdf`);
      writeFileSync(file, await response.body());
      const pdf = pdfText(file).replace(/\s+/g, " ");
      expect(pdf).toContain("Where your team disagreed");
      expect(pdf).toContain("12 hours a week");
      expect(pdf).toContain(REASON);
      if (name === "report") expect(pdf).toContain("How the team's disagreement was measured");
      // With PDF_PAGES=dir, keep the pages as pictures for people to look at.
      const pages = process.env.PDF_PAGES;
      if (pages) {
        execFileSync("pdftoppm", [
          "-png",
          "-r",
          "60",
          "-f",
          "1",
          "-l",
          "5",
          file,
          path.join(pages, `workshop-${name}`),
        ]);
        expect(readdirSync(pages).some((entry) => entry.startsWith(`workshop-${name}`))).toBe(true);
      }
    }
    expect(facilitator.problems).toEqual([]);
  });
});
