import type { Locator, Page } from "playwright-core";
import { expect, it } from "vitest";
import { expectAccessible, waitForPage } from "./support";

/** Answers and actions as a person would take them, by the words on the page. */
export class Wizard {
  constructor(
    readonly page: Page,
    readonly label: string,
  ) {}

  /** The question group (fieldset) whose legend reads `legend`. */
  group(legend: string | RegExp): Locator {
    return this.page.getByRole("group", { name: legend }).first();
  }

  async choose(legend: string | RegExp, option: string, within?: Locator) {
    const scope = within ?? this.group(legend);
    await scope.getByLabel(option, { exact: true }).check();
  }

  async tick(legend: string | RegExp, options: readonly string[], within?: Locator) {
    const scope = within ?? this.group(legend);
    for (const option of options) await scope.getByLabel(option, { exact: true }).check();
  }

  async fill(label: string, value: string, within?: Locator) {
    await (within ?? this.page).getByLabel(label, { exact: true }).fill(value);
  }

  /**
   * A number question that offers "I don't know": its box, labelled `box`, sits in a group whose
   * legend is the question. Pass a number to type it, or "I don't know" to tick the box instead.
   */
  async numberOrDontKnow(question: string, box: string, answer: string) {
    const group = this.group(question);
    if (answer === "I don't know") await group.getByLabel("I don't know", { exact: true }).check();
    else await group.getByLabel(box, { exact: true }).fill(answer);
  }

  /** Continue, expecting the page back with errors: checks it with axe and returns the error summary's text. */
  async continueExpectingErrors(name: string): Promise<string> {
    await this.continue();
    await expect.poll(() => this.page.title()).toMatch(/^Error: /);
    const summary = this.page.locator(".govuk-error-summary");
    await expect.poll(() => summary.isVisible()).toBe(true);
    await expectAccessible(this.page, `${this.label}-${name}`);
    return summary.innerText();
  }

  async continue() {
    await this.page.getByRole("button", { name: "Continue", exact: true }).click();
  }

  /**
   * Continue, and wait until the next page has loaded. Without the wait, whatever the test does
   * next (a check with axe, another address) races the answers being saved.
   */
  async continueToNextPage() {
    const before = this.page.url();
    await this.continue();
    await waitForPage(this.page, (url) => url.href !== before);
    await this.page.waitForLoadState("load");
  }

  async expectHeading(text: string | RegExp) {
    await expect.poll(() => this.page.getByRole("heading", { level: 1 }).innerText()).toMatch(text);
  }

  /** Waits for the address to change to `path`, then checks the page with axe. */
  async arrive(path: RegExp, name: string) {
    await waitForPage(this.page, path);
    await expectAccessible(this.page, `${this.label}-${name}`);
  }

  async completeSection() {
    await waitForPage(this.page, /\/check\/[a-z-]+$/);
    await this.choose("Have you completed this section?", "Yes, I've completed this section");
    await this.continue();
    await waitForPage(this.page, /\/a\/[A-Za-z0-9_-]{43}$/);
  }

  async status(section: string): Promise<string> {
    const task = this.page.locator(".govuk-task-list__item", { hasText: section });
    return (await task.locator(".govuk-task-list__status").innerText()).trim();
  }

  async openTask(section: string) {
    await this.page.getByRole("link", { name: section }).click();
  }
}

export async function startAssessment(wizard: Wizard): Promise<string> {
  const { page } = wizard;
  await page.goto("/");
  await page.getByRole("button", { name: "Start now" }).click();
  await waitForPage(page, /\/your-link\?started$/);
  const link = (await page.locator(".app-private-link").innerText()).trim();
  await page.getByRole("button", { name: "Continue to your assessment" }).click();
  await waitForPage(page, /\/a\/[A-Za-z0-9_-]{43}$/);
  return link;
}

export async function describeOrganisation(w: Wizard, name: string) {
  await w.openTask("Describe your organisation");
  await w.fill("What is your organisation's name?", name);
  await w.continue();
  await waitForPage(w.page, /\/type$/);
  await w.choose("What type of organisation is it?", "Local council");
  await w.continue();
  await waitForPage(w.page, /\/size$/);
  await w.fill("About how many people does it serve?", "48,000");
  await w.fill("About how many staff does it employ?", "310");
  await w.continue();
  await waitForPage(w.page, /\/channels$/);
  await w.tick("Which online channels does your organisation use now?", ["Facebook", "Instagram", "Email newsletters"]);
  await w.continue();
  await waitForPage(w.page, /\/emergency-services$/);
  await w.tick("Which of these emergency-related services does your organisation provide?", [
    "Emergency management or civil defence",
  ]);
  await w.continue();
  await waitForPage(w.page, /\/contentious-topics$/);
  await w.tick("Which topics draw strong public feeling about your organisation?", [
    "Planning and development decisions",
    "Rates, taxes, fees or charges",
  ]);
  await w.continue();
  await w.completeSection();
}

export type GroupAnswers = {
  why: string;
  influence: "A lot" | "Some" | "A little";
  interest: "Closely" | "Now and then" | "Not closely";
  sentiment: "Supportive" | "Neutral" | "Mixed" | "Sceptical" | "Hostile" | "I don't know";
  online: readonly string[];
};

export async function answerGroup(w: Wizard, heading: string, answers: GroupAnswers) {
  await w.expectHeading(heading);
  await w.fill("Why do you need to engage them?", answers.why);
  await w.choose("How much can they affect your decisions or reputation?", answers.influence);
  await w.choose("How closely do they follow what you do?", answers.interest);
  await w.choose("How do they feel about your organisation at the moment?", answers.sentiment);
  await w.tick("Where are they online?", answers.online);
  await w.continueToNextPage();
}

export async function chooseLevels(w: Wizard, heading: RegExp, now: string, wanted: string) {
  await w.expectHeading(heading);
  await w.choose("How do you engage them online now?", now);
  await w.choose("How do you want to engage them?", wanted);
  await w.continueToNextPage();
}

/**
 * One long journey as a run of steps, each a test with its own timeout, so a slow or busy
 * machine gets time per stretch of pages rather than one limit for the whole journey, and a
 * failure names the stretch it happened in. Steps run in order and share the page; once one
 * fails (or times out), the rest are skipped, since they would only fail for the same reason.
 */
export function journeySteps(defaultTimeout = 150_000) {
  let broken = false;
  return function step(name: string, run: () => Promise<void>, timeout = defaultTimeout) {
    it(
      name,
      async ({ skip }) => {
        if (broken) skip("an earlier step of this journey failed");
        // NOTE: set before and cleared after, so a step that times out (whose promise never
        // settles) still stops the steps after it.
        broken = true;
        await run();
        broken = false;
      },
      timeout,
    );
  };
}
