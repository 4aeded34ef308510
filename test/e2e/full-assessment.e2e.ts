import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  answerGroup,
  chooseLevels,
  describeOrganisation,
  journeySteps,
  startAssessment,
  Wizard,
} from "./journey-helpers";
import { ANSWERS_DATA_VERSION } from "../../app/exports/answers-export.server";
import { REPORT_DATA_VERSION } from "../../app/exports/report-data.server";
import { closeSeedDatabase, seedAssessment } from "./seed";
import { expectAccessible, launchBrowser, newContext, skipE2e, type Viewport, waitForPage } from "./support";

let browser: Browser;
beforeAll(async () => {
  if (!skipE2e) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await closeSeedDatabase();
});

/** `pdffonts` lists every font the PDF uses; each must be embedded (its "emb" column says yes). */
function expectEveryFontEmbedded(file: string): void {
  const lines = execFileSync("pdffonts", [file], { encoding: "utf8" }).trim().split("\n").slice(2);
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines)
    expect(line, `a font not embedded: ${line}`).toMatch(/\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
}

describe.skipIf(skipE2e).each([
  { javaScript: true, mode: "with JavaScript", viewport: "desktop" as Viewport },
  { javaScript: false, mode: "without JavaScript", viewport: "phone" as Viewport },
])("the whole assessment $mode", ({ javaScript, mode, viewport }) => {
  // Every page of the wizard, through the real pages, in one browser profile. The journey runs as
  // steps with their own timeouts (see journeySteps); they share this page and the link.
  const step = journeySteps();
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let w: Wizard;
  let link = "";
  afterAll(async () => {
    await context?.close();
  });

  step("starts, and describes the organisation", async () => {
    ({ context, page, problems } = await newContext(browser, { javaScript, viewport }));
    w = new Wizard(page, javaScript ? "js" : "nojs");
    link = await startAssessment(w);
    expect(await w.status("Describe your engagement model today and the one you want")).toBe("Cannot start yet");

    await describeOrganisation(w, "Riverside District Council");
    expect(await w.status("Describe your organisation")).toBe("Completed");
  });

  step("decides who to engage and why: purposes, groups of their own, each group, key projects", async () => {
    await w.openTask("Decide who you need to engage and why");
    await w.arrive(/\/stakeholders\/purposes$/, "purposes");
    await w.tick("Why does your organisation want to engage people online?", [
      "Share information and news",
      "Answer questions and service requests",
      "Keep people safe in a crisis or emergency",
    ]);
    await w.continue();
    await w.arrive(/\/purpose-reasons$/, "purpose-reasons");
    await w.fill("Sharing information and news (optional)", "People should hear about changes from us first.");
    await w.continue();

    await waitForPage(w.page, /\/groups$/);
    await w.tick("Common groups (optional)", ["Residents", "News media", "Elected members"]);
    // A group of their own: an empty list until "Add a group".
    await page.getByRole("button", { name: "Add a group" }).click();
    await w.fill("Name of the group", "Friends of Riverside Park <b>&</b>");
    await expectAccessible(page, `${w.label}-groups`);
    await w.continue();

    await answerGroup(w, "About residents", {
      why: "They use our services and pay rates.",
      influence: "A lot",
      interest: "Closely",
      sentiment: "Sceptical",
      online: ["Facebook pages", "Local Facebook groups or community forums"],
    });
    await expectAccessible(page, `${w.label}-group-page`);
    await answerGroup(w, "About elected members", {
      why: "They set our direction and budget.",
      influence: "A lot",
      interest: "Now and then",
      sentiment: "Mixed",
      online: ["Email and newsletters"],
    });
    await answerGroup(w, "About the news media", {
      why: "Local papers shape what people think of us.",
      influence: "A lot",
      interest: "Not closely",
      sentiment: "Hostile",
      online: ["X (formerly Twitter)", "Comments on news websites"],
    });
    await answerGroup(w, "About Friends of Riverside Park <b>&</b>", {
      why: "They care for the park with us.",
      influence: "Some",
      interest: "Closely",
      sentiment: "I don't know",
      online: ["I don't know"],
    });

    // Key projects: a repeating group.
    await w.arrive(/\/projects$/, "projects-empty");
    await page.getByRole("button", { name: "Add a project" }).click();
    const first = w.group("Project 1");
    await w.fill("Name of the project or decision", "Wind farm consultation", first);
    await w.choose("When will it draw most attention?", "In the next 3 months", first);
    await w.choose("How strongly do people feel about it?", "Very strongly", first);
    await w.tick("Which groups does it affect? (optional)", ["Residents", "News media"], first);
    await page.getByRole("button", { name: "Add another project" }).click();
    const second = w.group("Project 2");
    await w.fill("Name of the project or decision", "Draft budget", second);
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    // The second project is incomplete: the errors point into it, and nothing typed is lost.
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await expectAccessible(page, `${w.label}-projects-error`);
    expect(await w.group("Project 2").getByLabel("Name of the project or decision").inputValue()).toBe("Draft budget");
    await w.group("Project 2").getByRole("button", { name: "Remove project 2" }).click();
    await expect.poll(() => page.getByRole("group", { name: "Project 2" }).count()).toBe(0);
    expect(await w.group("Project 1").getByLabel("Name of the project or decision").inputValue()).toBe(
      "Wind farm consultation",
    );
    await w.continue();
    await w.arrive(/\/check\/stakeholders$/, "stakeholders-check");
    const stakeholders = await page.locator("main").innerText();
    expect(stakeholders).toContain("Friends of Riverside Park <b>&</b>");
    expect(stakeholders).toContain("Wind farm consultation");
    await w.completeSection();
  });

  step("describes the engagement model, one page per group", async () => {
    await w.openTask("Describe your engagement model today and the one you want");
    await w.arrive(/\/levels-residents$/, "levels");
    await chooseLevels(w, /residents/, "Inform", "Consult");
    await chooseLevels(w, /elected members/, "Inform", "Involve");
    await chooseLevels(w, /the news media/, "We do not engage them online yet", "Inform");
    await chooseLevels(w, /Friends of Riverside Park/, "Consult", "Collaborate");
    await w.arrive(/\/sharing$/, "sharing");
    await w.choose("Do you plan your posts ahead in a content calendar?", "Partly, for some channels or campaigns");
    await w.choose("How much ready-to-use content do you have in reserve?", "Less than 4 weeks' worth");
    await w.choose("Do you have an agreed tone of voice, so all your posts sound like one organisation?", "No");
    await w.continue();
    await waitForPage(w.page, /\/listening$/);
    await w.choose(
      "Where do you look for what people say about your organisation?",
      "Only on our own pages and accounts",
    );
    await w.choose("What happens to what you hear?", "It is passed on informally, now and then");
    await w.continue();
    await waitForPage(w.page, /\/responding$/);
    await w.choose(
      "How does your organisation respond to comments and questions online?",
      "We reply to some, when we can",
    );
    await w.continue();
    await w.arrive(/\/governance$/, "governance");
    await w.choose(
      "Which best describes how social media works in your organisation today?",
      "We are bringing accounts together and writing the rules",
    );
    await w.tick("Which of these do you have in place?", ["A social media policy for staff"]);
    await w.continue();
    await w.completeSection();
  });

  step("assesses the capacity to answer questions, with the errors a person could meet", async () => {
    await w.openTask("Assess your capacity to answer questions");
    await w.arrive(/\/capacity\/team$/, "team");
    const people = "How many people help run your online channels?";
    const hours = "In total, how many hours a week do they spend on it?";
    await w.numberOrDontKnow(people, "Number of people", "2");
    await w.numberOrDontKnow(hours, "Hours a week, in total", "200");
    await w.choose("Who can get into your organisation's accounts?", "Only one person");
    // 200 hours is more than two people can work: a rule across two answers.
    expect(await w.continueExpectingErrors("team-error")).toContain("more hours than that many people can work");
    if (javaScript) {
      // "I don't know" rules out the number, as GOV.UK's "none of these" does: ticking it empties the box.
      const hoursBox = page.getByLabel("Hours a week, in total", { exact: true });
      const hoursUnknown = w.group(hours).getByLabel("I don't know", { exact: true });
      await w.numberOrDontKnow(hours, "Hours a week, in total", "I don't know");
      expect(await hoursBox.inputValue()).toBe("");
      // And typing a number unticks it.
      await hoursBox.fill("5");
      expect(await hoursUnknown.isChecked()).toBe(false);
      await hoursUnknown.check();
      expect(await hoursBox.inputValue()).toBe("");
    } else {
      // Without JavaScript both can be sent at once: the server asks for one or the other.
      await w.numberOrDontKnow(hours, "Hours a week, in total", "15.5");
      await w.numberOrDontKnow(people, "Number of people", "I don't know");
      expect(await w.continueExpectingErrors("team-error-both")).toContain(
        "Enter the number of people or select 'I don't know', not both",
      );
      expect(await w.group(people).getByLabel("I don't know", { exact: true }).isChecked()).toBe(true);
      await w.fill("Number of people", "");
    }
    await w.continue();
    await waitForPage(w.page, /\/cover$/);
    await w.choose("When do you watch your channels and reply?", "Longer than office hours");
    await w.choose("Do you have a plan for urgent posts outside those hours, including emergencies?", "No");
    await w.continue();
    await w.arrive(/\/extended-cover$/, "extended-cover");
    if (javaScript) {
      await w.choose("Which days do you cover?", "Working days, and some hours at weekends");
      await w.fill("Start time", "7.30am");
      await w.fill("End time", "7am");
      expect(await w.continueExpectingErrors("extended-cover-error")).toContain(
        "Enter an end time after the start time",
      );
      await w.fill("End time", "8pm");
    } else {
      // Hours that change from day to day: no times.
      await w.choose("Which days do you cover?", "Every day, including weekends");
    }
    await w.continue();
    await w.arrive(/\/volume$/, "volume");
    await w.choose("Do you know roughly how many questions and comments you get each week?", "No, I'm not sure");
    await w.continue();
    // Not sure: simpler questions to estimate it.
    await w.arrive(/\/volume-estimate$/, "volume-estimate");
    await w.choose("About how many followers do your main accounts have altogether?", "1,000 to 10,000");
    await w.choose("How often do you post, across all your channels?", "4 to 10 times a week");
    await w.choose("How many comments or replies does a typical post get?", "I don't know");
    await w.continue();
    await w.arrive(/\/question-share$/, "question-share");
    const share =
      "Of the messages and comments you get, about how many are questions or requests that need an answer from you?";
    if (!javaScript) {
      expect(await w.continueExpectingErrors("question-share-error")).toContain(
        "Select about how many of your messages and comments need an answer",
      );
    }
    await w.choose(share, javaScript ? "About a third" : "I don't know");
    await w.continue();
    await w.arrive(/\/peaks$/, "peaks");
    if (javaScript) {
      await w.tick("When do questions rise sharply?", ["At busy times of year", "During incidents"]);
      await w.continue();
      await w.arrive(/\/peak-size$/, "peak-size");
      await w.choose("In your busiest weeks, how much busier is it than usual?", "Three times as busy, or more");
    } else {
      await w.tick("When do questions rise sharply?", ["None: it is steady all year"]);
    }
    await w.continue();
    await waitForPage(w.page, /\/response-times$/);
    await w.choose(
      "What is your target for replying to a question?",
      javaScript ? "The same working day" : "Within 1 working day",
    );
    await w.choose("How quickly do you usually reply now?", "Within a week");
    await w.continue();
    await waitForPage(w.page, /\/approvals$/);
    if (javaScript) {
      await w.choose("Does a reply need someone's approval before it is posted?", "Yes, most replies");
      await w.continue();
      await waitForPage(w.page, /\/approval-time$/);
      await w.choose("How long does approval usually take?", "1 to 2 working days");
    } else {
      // No agreed process: there is no approval time to ask about.
      await w.choose(
        "Does a reply need someone's approval before it is posted?",
        "There is no agreed process: it depends on the reply and who is around",
      );
    }
    await w.continue();
    await waitForPage(w.page, /\/answers$/);
    await w.choose("Do you have approved key messages that staff can use without asking first?", "For some topics");
    await w.choose(
      "When a question needs a subject expert, how quickly can you get an answer?",
      "Usually within a few days",
    );
    await w.continue();
    await waitForPage(w.page, /\/moderation$/);
    await w.choose("Do you publish house rules for people who comment on your pages?", "No");
    await w.choose("How do you deal with comments that break your rules?", "We act only when someone complains");
    await w.continue();
    await waitForPage(w.page, /\/escalation$/);
    await w.choose("Do staff know when and how to pass a post to someone more senior?", "Partly: people mostly know");
    await w.choose("Do you have guidance on when to move a conversation offline?", "No");
    await w.continue();
    await w.arrive(/\/staff-support$/, "staff-support");
    await w.choose("How often do the people running your channels receive abuse or threats?", "Every month or so");
    await w.tick("What support do staff get when they face hostile or abusive comments?", ["None of these"]);
    await w.choose("What training have they had for this work?", "None");
    await w.continue();
    await waitForPage(w.page, /\/records-security$/);
    await w.choose("Do you keep your posts and replies as official records?", "No");
    await w.choose("Is two-step sign-in turned on for your accounts and tools?", "On some of them");
    await w.tick("Which tools do you use?", ["A tool to schedule posts"]);
    await w.continue();
    await w.arrive(/\/check\/capacity$/, "capacity-check");
    const capacityAnswers = await page.locator("main").innerText();
    for (const expected of javaScript
      ? ["2 people", "I don't know", "Longer than office hours", "07:30", "20:00", "About a third", "During incidents"]
      : ["I don't know", "15.5 hours a week", "Every day, including weekends", "None: it is steady all year"]) {
      expect(capacityAnswers).toContain(expected);
    }
    await w.completeSection();
  });

  step("sets the commitment", async () => {
    await w.openTask("Set your commitment");
    await w.arrive(/\/commitment\/objectives-set$/, "objectives-set");
    if (javaScript) {
      await w.choose("Have you set objectives for your online engagement?", "Yes");
      await w.continue();
      await w.arrive(/\/commitment\/objectives$/, "objectives");
      await w.fill("Objective", "More residents give their views on the annual plan", w.group("Objective 1"));
      await w.fill("How will you measure it? (optional)", "1,000 responses, up from 400", w.group("Objective 1"));
      await page.getByRole("button", { name: "Add another objective" }).click();
      // A measure can wait until it is decided.
      await w.fill("Objective", "Fewer calls about missed bins", w.group("Objective 2"));
    } else {
      // Not yet: the list of objectives is not asked.
      await w.choose("Have you set objectives for your online engagement?", "Not yet");
    }
    await w.continue();
    await waitForPage(w.page, /\/sponsor$/);
    await w.choose("Is there an executive who will champion this and clear obstacles?", "Yes");
    await w.fill("What is their role?", "Chief Executive");
    await w.continue();
    await w.arrive(/\/currency$/, "currency");
    await w.choose(
      "Which currency does your organisation budget in?",
      javaScript ? "Pounds sterling (£)" : "Another currency",
    );
    await w.continue();
    await w.arrive(/\/budget$/, "budget");
    // Amounts are written in the currency chosen.
    await w.choose(
      "What yearly budget is there for this, apart from staff time?",
      javaScript ? "Less than £10,000" : "Less than 10,000",
    );
    const cost = "What does an hour of staff time cost you, including on-costs? (optional)";
    await w.fill(cost, "about forty");
    expect(await w.continueExpectingErrors("budget-error")).toContain("Enter the cost of an hour as a number");
    await w.fill(cost, javaScript ? "£38.50" : "");
    await w.continue();
    await waitForPage(w.page, /\/review$/);
    await w.choose("How often will your leaders review how it is going?", "Every 3 months");
    await w.continue();
    await waitForPage(w.page, /\/duration$/);
    await w.choose("How long does your organisation intend to keep this up?", "For good, as part of how we work");
    await w.continue();
    await w.arrive(/\/check\/commitment$/, "commitment-check");
    const commitmentAnswers = await page.locator("main").innerText();
    for (const expected of javaScript
      ? ["Fewer calls about missed bins (no measure set yet)", "Pounds sterling (£)", "£38.50 an hour"]
      : ["Not yet", "Another currency", "Less than 10,000"]) {
      expect(commitmentAnswers).toContain(expected);
    }
    await w.completeSection();
    await expectAccessible(page, `${w.label}-task-list-all-complete`);
  });

  step("checks every answer; every Change link opens the question it names", async () => {
    await w.openTask("Check your answers and finish");
    await w.arrive(/\/check-answers$/, "check-answers");
    const summary = await page.locator("main").innerText();
    for (const expected of ["Riverside District Council", "Wind farm consultation", "Chief Executive", "Collaborate"]) {
      expect(summary).toContain(expected);
    }

    // Every Change link on the summary opens the question it names. NOTE: the pages are opened
    // without JavaScript and read once their HTML has arrived: what is checked is that each
    // address answers with its question and a Continue button, which the server renders, and
    // sixty full page loads with scripts are most of a minute on a busy machine.
    if (javaScript) {
      const changeLinks = page.getByRole("link", { name: /^Change / });
      const targets = await changeLinks.evaluateAll((links) =>
        links.map((link) => ({ href: link.getAttribute("href") ?? "", name: link.textContent ?? "" })),
      );
      expect(targets.length).toBeGreaterThan(60);
      const checker = await newContext(browser, { javaScript: false });
      for (const target of targets) {
        const response = await checker.page.goto(target.href, { waitUntil: "domcontentloaded" });
        expect(response?.status(), target.name).toBe(200);
        expect(target.href).toMatch(/\?return=summary$/);
        expect(await checker.page.getByRole("button", { name: "Continue", exact: true }).count(), target.name).toBe(1);
      }
      expect(checker.problems).toEqual([]);
      await checker.context.close();
    }
  });

  step("removes a group after a confirmation, and finishes", async () => {
    // Remove a group from the summary: the answers about it go, after a confirmation.
    await page.getByRole("link", { name: "Change groups you need to engage" }).click();
    await waitForPage(w.page, /\/stakeholders\/groups\?return=summary$/);
    await w.group("Common groups (optional)").getByLabel("News media", { exact: true }).uncheck();
    await w.continue();
    await w.expectHeading("Remove News media?");
    expect(await page.locator("main").innerText()).toMatch(/also deletes 7 answers/);
    await expectAccessible(page, `${w.label}-remove-group`);
    await page.getByRole("button", { name: "Yes, remove and continue" }).click();
    await w.arrive(/\/check-answers$/, "check-answers-after-removal");
    const after = await page.locator("main").innerText();
    expect(after).not.toContain("News media");
    expect(after).not.toContain("Local papers shape");

    await page.getByRole("button", { name: "Finish assessment" }).click();
    await w.arrive(/\/complete$/, "complete");
    await w.expectHeading("Assessment complete");
  });

  step(
    "reads the report, and downloads the PDF from it",
    async () => {
      // The report: every section, in order, and the PDF to download.
      await page.getByRole("button", { name: "Read your report" }).click();
      await w.arrive(/\/report$/, "report");
      await w.expectHeading("Your readiness report and starter strategy");
      const headings = await page.getByRole("heading", { level: 2 }).allInnerTexts();
      expect(headings).toEqual(
        expect.arrayContaining([
          "The verdict",
          "Decision for leadership",
          "Readiness by area",
          "How far to go with each group",
          "Can you answer the questions you invite?",
          "The main risks",
          "What to do, in order",
          "Your starter strategy",
          "Things to find out",
          "How this was scored",
        ]),
      );
      const reportText = await page.locator("main").innerText();
      expect(reportText).toContain("Riverside District Council");
      expect(reportText).toMatch(/Overall readiness \d+ out of 100/);
      // The decision for leadership comes straight after the verdict, with what to approve and the first steps.
      expect(headings.indexOf("Decision for leadership")).toBe(headings.indexOf("The verdict") + 1);
      expect(reportText).toMatch(/for the [^\n]+ to decide/i);
      expect(reportText).toContain("What to approve");
      expect(reportText).toContain("Friends of Riverside Park <b>&</b>");

      // The board summary, the first download, as a person would get it: by its button.
      // NOTE: generous timeouts: on a busy machine a render waits for the workers, and without
      // JavaScript the click itself waits for the response.
      const summaryDownload = page.waitForEvent("download", { timeout: 180_000 });
      await page
        .getByRole("button", { name: "Download the board summary (PDF, 2 to 4 pages)" })
        .click({ timeout: 180_000 });
      const summary = await summaryDownload;
      expect(summary.suggestedFilename()).toMatch(/^Riverside District Council board summary \d{4}-\d{2}-\d{2}\.pdf$/);
      const summaryDir = mkdtempSync(path.join(tmpdir(), "e2e-summary-"));
      try {
        const file = path.join(summaryDir, "summary.pdf");
        await summary.saveAs(file);
        const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
        expect(info).toMatch(/^Tagged:\s+yes$/m);
        expectEveryFontEmbedded(file);
        const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
        expect(pages).toBeGreaterThanOrEqual(2);
        expect(pages).toBeLessThanOrEqual(4);
        const summaryText = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(
          /\s+/g,
          " ",
        );
        expect(summaryText).toContain("Riverside District Council");
        expect(summaryText).toContain("Decision for leadership");
        expect(summaryText).toContain("The first 90 days");
        expect(summaryText).not.toContain(link.split("/a/")[1] ?? link);
        const verdict = (await page.locator(".app-verdict__sentence").innerText()).trim();
        expect(summaryText).toContain(verdict.replace(/\s+/g, " ").slice(0, 60));
      } finally {
        rmSync(summaryDir, { recursive: true, force: true });
      }

      // The full report, the second download.
      const downloading = page.waitForEvent("download", { timeout: 180_000 });
      await page.getByRole("button", { name: "Download the full report (PDF)" }).click({ timeout: 180_000 });
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(
        /^Riverside District Council readiness report \d{4}-\d{2}-\d{2}\.pdf$/,
      );
      const dir = mkdtempSync(path.join(tmpdir(), "e2e-pdf-"));
      try {
        const file = path.join(dir, "report.pdf");
        await download.saveAs(file);
        expect(readFileSync(file).subarray(0, 5).toString("latin1")).toBe("%PDF-");
        expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toMatch(/^Tagged:\s+yes$/m);
        expectEveryFontEmbedded(file);
        const pdfText = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(
          /\s+/g,
          " ",
        );
        expect(pdfText).toContain("Riverside District Council");
        expect(pdfText).toContain("Friends of Riverside Park <b>&</b>");
        expect(pdfText).toContain("Appendix: your answers");
        // With no read-only link yet, the PDF gives no address, and never the private link.
        expect(pdfText).toContain("Ask the person who shared this report for the link to its accessible web version");
        expect(pdfText).not.toContain(link.split("/a/")[1] ?? link);
        // The verdict on the page is the verdict in the PDF.
        const verdict = (await page.locator(".app-verdict__sentence").innerText()).trim();
        expect(pdfText).toContain(verdict.replace(/\s+/g, " ").slice(0, 60));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      // The Word document and the data, each by its link on the report page.
      const token = new URL(link).pathname.split("/")[2] ?? "";
      for (const [label, name] of [
        ["Word document (editable)", /^Readiness report - Riverside District Council - \d{4}-\d{2}-\d{2}\.docx$/],
        ["Your answers (spreadsheet, CSV)", /^Answers - Riverside District Council - \d{4}-\d{2}-\d{2}\.csv$/],
        ["Your answers (JSON, for analysis)", /^Answers - Riverside District Council - \d{4}-\d{2}-\d{2}\.json$/],
        ["Report data (JSON)", /^Report data - Riverside District Council - \d{4}-\d{2}-\d{2}\.json$/],
      ] as const) {
        const exporting = page.waitForEvent("download", { timeout: 60_000 });
        await page.getByRole("link", { name: label }).click();
        const exported = await exporting;
        expect(exported.suggestedFilename()).toMatch(name);
        const exportDir = mkdtempSync(path.join(tmpdir(), "e2e-export-"));
        try {
          const file = path.join(exportDir, exported.suggestedFilename());
          await exported.saveAs(file);
          const bytes = readFileSync(file);
          if (file.endsWith(".docx")) {
            expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
            const documentXml = strFromU8(unzipSync(new Uint8Array(bytes))["word/document.xml"] ?? new Uint8Array());
            expect(documentXml).toContain("Riverside District Council");
            expect(documentXml).toContain("Friends of Riverside Park &lt;b&gt;&amp;&lt;/b&gt;");
          } else if (file.endsWith(".csv")) {
            expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
            expect(bytes.toString("utf8")).toContain("Friends of Riverside Park <b>&</b>");
          } else {
            const json = JSON.parse(bytes.toString("utf8")) as { schemaVersion?: string };
            expect(json.schemaVersion).toBe(
              label.startsWith("Report data") ? REPORT_DATA_VERSION : ANSWERS_DATA_VERSION,
            );
          }
          expect(bytes.includes(token), `${label} holds the private link`).toBe(false);
        } finally {
          rmSync(exportDir, { recursive: true, force: true });
        }
      }
      // The download left the report page as it was.
      expect(page.url()).toMatch(/\/report$/);

      expect(problems, `browser problems ${mode}`).toEqual([]);
    },
    480_000,
  );

  step("finds everything again by the link, in a fresh browser", async () => {
    // Everything is there by the link, in a fresh browser.
    const later = await newContext(browser, { javaScript, viewport });
    await later.page.goto(link);
    const again = new Wizard(later.page, w.label);
    for (const section of [
      "Describe your organisation",
      "Decide who you need to engage and why",
      "Describe your engagement model today and the one you want",
      "Assess your capacity to answer questions",
      "Set your commitment",
      "Check your answers and finish",
    ]) {
      expect(await again.status(section)).toBe("Completed");
    }
    expect(later.problems).toEqual([]);
    await later.context.close();
  });
});

describe.skipIf(skipE2e)("adding a group after the engagement model is complete", () => {
  it("asks about the new group straight away, and marks the engagement model as needing a revisit", async () => {
    const { context, page, problems } = await newContext(browser, { javaScript: true });
    const w = new Wizard(page, "js-revisit");
    // The groups and the engagement model, answered and completed, are setup here: they are
    // answered through the pages in the whole-assessment journeys above.
    const link = await seedAssessment({ completed: ["organisation", "stakeholders", "engagement-model"] });
    await page.goto(link);
    expect(await w.status("Describe your engagement model today and the one you want")).toBe("Completed");

    // Add a group from the check page: its questions come straight after the groups page.
    await page.goto(`${link}/check/stakeholders`);
    await page.getByRole("link", { name: "Change groups you need to engage" }).click();
    await w.tick("Common groups (optional)", ["Local businesses"]);
    await w.continue();
    await waitForPage(page, /\/group-businesses\?return=check&added$/);
    await answerGroup(w, "About local businesses", {
      why: "They are affected by roadworks.",
      influence: "A little",
      interest: "Closely",
      sentiment: "Sceptical",
      online: ["LinkedIn"],
    });
    await waitForPage(page, /\/check\/stakeholders$/);
    await page.goto(link);
    expect(await w.status("Decide who you need to engage and why")).toBe("Completed");
    // The new group has no engagement levels yet.
    expect(await w.status("Describe your engagement model today and the one you want")).toBe("Needs revisiting");
    await expectAccessible(page, "js-task-list-needs-revisiting");
    await w.openTask("Describe your engagement model today and the one you want");
    await waitForPage(page, /\/check\/engagement-model$/);
    await page.getByRole("button", { name: "Continue answering" }).click();
    await chooseLevels(w, /local businesses/, "We do not engage them online yet", "Inform");
    await page.goto(`${link}/check/engagement-model`);
    await w.completeSection();
    expect(await w.status("Describe your engagement model today and the one you want")).toBe("Completed");
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe.skipIf(skipE2e)("a narrow phone, 320 pixels wide", () => {
  it("shows every kind of page without sideways scrolling", async () => {
    const { context, page, problems } = await newContext(browser, { javaScript: true, viewport: "narrow" });
    const w = new Wizard(page, "js-320");
    const link = await startAssessment(w);
    await page.goto(`${link}/stakeholders/groups`);
    await w.tick("Common groups (optional)", ["Citizen journalists and local commentators"]);
    await page.getByRole("button", { name: "Add a group" }).click();
    await w.fill("Name of the group", "A".repeat(80));
    await w.continueToNextPage();
    for (const path of [
      "",
      "/your-link",
      "/organisation/channels",
      "/stakeholders/groups",
      "/stakeholders/group-citizen-journalists",
      "/stakeholders/projects",
      "/capacity/team",
      "/check/stakeholders",
    ]) {
      await page.goto(`${link}${path}`);
      if (path === "/stakeholders/projects") await page.getByRole("button", { name: "Add a project" }).click();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `sideways scrolling on ${path || "the task list"}`).toBeLessThanOrEqual(0);
      await expectAccessible(page, `js-320-${path.replace(/\//g, "-") || "tasks"}`);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
