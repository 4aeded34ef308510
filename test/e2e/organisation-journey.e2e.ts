import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journeySteps } from "./journey-helpers";
import { expectAccessible, launchBrowser, newContext, skipE2e, waitForPage } from "./support";

const ORG_NAME = "Te Kaunihera o Tāmaki Makaurau <script>alert('x')</script>";

let browser: Browser;
beforeAll(async () => {
  if (!skipE2e) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function continueButton(page: Page) {
  await page.getByRole("button", { name: "Continue", exact: true }).click();
}

async function expectErrorPage(page: Page, message: string, label: string) {
  await expect.poll(() => page.title()).toMatch(/^Error: /);
  const summary = page.locator(".govuk-error-summary");
  await expect.poll(() => summary.isVisible()).toBe(true);
  expect(await summary.innerText()).toContain(message);
  await expectAccessible(page, label);
}

describe.skipIf(skipE2e).each([
  { javaScript: true, mode: "with JavaScript" },
  { javaScript: false, mode: "without JavaScript" },
])("describing the organisation $mode", ({ javaScript, mode }) => {
  // Steps with their own timeouts, sharing one page (see journeySteps).
  const step = journeySteps();
  const slug = javaScript ? "js" : "nojs";
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let link = "";
  afterAll(async () => {
    await context?.close();
  });

  step("starts, and gets a private link and the task list", async () => {
    ({ context, page, problems } = await newContext(browser, { javaScript }));
    page.on("dialog", (dialog) => problems.push(`a script ran and opened a dialog: ${dialog.message()}`));

    // Start page.
    await page.goto("/");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe(
      "Check if your organisation is ready for online engagement",
    );
    expect(await page.locator("main").innerText()).toMatch(/20 to 30 minutes/);
    await expectAccessible(page, `${slug}-start`);

    // Starting gives a private link.
    await page.getByRole("button", { name: "Start now" }).click();
    await waitForPage(page, /\/your-link\?started$/);
    link = (await page.locator(".app-private-link").innerText()).trim();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/a\/[A-Za-z0-9_-]{43}$/);
    expect(await page.locator("main").innerText()).toMatch(/Keep this link safe/);
    await expectAccessible(page, `${slug}-private-link`);

    // Task list: five sections, the first not yet started.
    await page.getByRole("button", { name: "Continue to your assessment" }).click();
    await waitForPage(page, /\/a\/[A-Za-z0-9_-]{43}$/);
    expect(await organisationTask().locator(".govuk-task-list__status").innerText()).toBe("Not yet started");
    await expectAccessible(page, `${slug}-task-list`);
  });

  function organisationTask() {
    return page.locator(".govuk-task-list__item", { hasText: "Describe your organisation" });
  }

  step("answers the name, type and size, fixing each error", async () => {
    // Name: an empty answer is refused with a summary and an inline message.
    await page.getByRole("link", { name: "Describe your organisation" }).click();
    await waitForPage(page, /\/organisation\/name$/);
    await continueButton(page);
    await expectErrorPage(page, "Enter your organisation's name", `${slug}-name-error`);
    expect(await page.locator("#orgName-error").innerText()).toContain("Enter your organisation's name");
    await page.getByLabel("What is your organisation's name?").fill(ORG_NAME);
    await continueButton(page);

    // Type: "Something else" needs a description; the choice survives the error.
    await waitForPage(page, /\/organisation\/type$/);
    await expectAccessible(page, `${slug}-type`);
    await page.getByLabel("Something else").check();
    await continueButton(page);
    await expectErrorPage(page, "Describe what type of organisation it is", `${slug}-type-error`);
    expect(await page.getByLabel("Something else").isChecked()).toBe(true);
    await page.getByLabel("Describe the type of organisation").fill("Unitary authority");
    await continueButton(page);

    // Size: a word where a number belongs; the other answer is kept as typed.
    await waitForPage(page, /\/organisation\/size$/);
    await page.getByLabel("About how many people does it serve?").fill("45,000");
    await page.getByLabel("About how many staff does it employ?").fill("three hundred");
    await continueButton(page);
    await expectErrorPage(page, "Enter the number of staff as a whole number, like 350", `${slug}-size-error`);
    expect(await page.getByLabel("About how many people does it serve?").inputValue()).toBe("45,000");
    expect(await page.getByLabel("About how many staff does it employ?").inputValue()).toBe("three hundred");
    await page.getByLabel("About how many staff does it employ?").fill("350");
    await continueButton(page);
  });

  step("answers channels, emergency services and topics", async () => {
    // Channels, with the "Other" follow-up.
    await waitForPage(page, /\/organisation\/channels$/);
    const otherChannels = page.getByLabel("Which other channels?");
    if (javaScript) expect(await otherChannels.isVisible()).toBe(false);
    await page.getByLabel("Facebook").check();
    await page.getByRole("checkbox", { name: "Other channels" }).check();
    expect(await otherChannels.isVisible()).toBe(true);
    await otherChannels.fill("Snapchat");
    await expectAccessible(page, `${slug}-channels`);
    await continueButton(page);

    await waitForPage(page, /\/organisation\/emergency-services$/);
    await page.getByLabel("None of these").check();
    await continueButton(page);

    await waitForPage(page, /\/organisation\/contentious-topics$/);
    await page.getByLabel("Planning and development decisions").check();
    await page.getByLabel("Rates, taxes, fees or charges").check();
    await continueButton(page);
  });

  step("checks the answers, changes one, and completes the section", async () => {
    // Check answers shows everything, with markup shown as text.
    await waitForPage(page, /\/check\/organisation$/);
    const summary = page.locator(".govuk-summary-list");
    const text = await summary.innerText();
    for (const expected of [
      ORG_NAME,
      "Something else: Unitary authority",
      "45,000",
      "350",
      "Facebook",
      "Other channels: Snapchat",
      "None of these",
      "Planning and development decisions",
      "Rates, taxes, fees or charges",
    ]) {
      expect(text).toContain(expected);
    }
    await expectAccessible(page, `${slug}-check-answers`);

    // Change one answer and come straight back.
    await page.getByRole("link", { name: "Change staff" }).click();
    await waitForPage(page, /\/organisation\/size\?return=check$/);
    expect(await page.getByLabel("About how many staff does it employ?").inputValue()).toBe("350");
    await page.getByLabel("About how many staff does it employ?").fill("360");
    await continueButton(page);
    await waitForPage(page, /\/check\/organisation$/);
    expect(await summary.innerText()).toContain("360");

    // Completing needs a yes or no.
    await continueButton(page);
    await expectErrorPage(page, "Select whether you have completed this section", `${slug}-check-error`);
    await page.getByLabel("Yes, I've completed this section").check();
    await continueButton(page);
    await waitForPage(page, /\/a\/[A-Za-z0-9_-]{43}$/);
    expect(await organisationTask().locator(".govuk-task-list__status").innerText()).toBe("Completed");
    expect(await page.locator("main").innerText()).toContain(ORG_NAME);
    await expectAccessible(page, `${slug}-task-list-completed`);

    expect(problems, `browser problems ${mode}`).toEqual([]);
  });

  step("finds it all again by the link, in a different browser profile", async () => {
    // A different browser profile, with only the link: everything is as it was left.
    const later = await newContext(browser, { javaScript });
    await later.page.goto(link);
    const task = later.page.locator(".govuk-task-list__item", { hasText: "Describe your organisation" });
    expect(await task.locator(".govuk-task-list__status").innerText()).toBe("Completed");
    await later.page.getByRole("link", { name: "Describe your organisation" }).click();
    await waitForPage(later.page, /\/check\/organisation$/);
    const again = await later.page.locator(".govuk-summary-list").innerText();
    expect(again).toContain(ORG_NAME);
    expect(again).toContain("360");
    expect(await later.page.getByLabel("Yes, I've completed this section").isChecked()).toBe(true);
    expect(later.problems).toEqual([]);
    await later.context.close();
  });
});

describe.skipIf(skipE2e)("links that lead nowhere", () => {
  it.each([
    ["a malformed private link", "/a/not-a-real-link"],
    ["an unknown private link", `/a/${"A".repeat(43)}`],
    ["an unknown page in a real-looking link", `/a/${"A".repeat(43)}/organisation/nowhere`],
    ["an address that does not exist", "/no/such/page"],
    ["the report of an unknown link", `/a/${"A".repeat(43)}/report`],
    ["the PDF of an unknown link", `/a/${"A".repeat(43)}/report.pdf`],
  ])("show a friendly 404 page for %s", async (_label, path) => {
    const { context, page } = await newContext(browser, { javaScript: true });
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Page not found");
    expect(await page.title()).toMatch(/^Page not found/);
    expect(await page.locator("body").innerText()).not.toMatch(/at .*\.js:\d+|Error:/);
    await expectAccessible(page, "not-found");
    await context.close();
  });
});

describe.skipIf(skipE2e)("the report of an unfinished assessment", () => {
  it.each([
    ["the report page", ""],
    ["the PDF", ".pdf"],
  ])("lists the sections still to do, instead of %s", async (_label, suffix) => {
    const { context, page, problems } = await newContext(browser, { javaScript: false });
    await page.goto("/");
    await page.getByRole("button", { name: "Start now" }).click();
    await waitForPage(page, /\/your-link/);
    const link = (await page.locator(".app-private-link").innerText()).trim();
    const response = await page.goto(`${link}/report${suffix}`);
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(`${link}/report`);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Your report is not ready yet");
    const sections = await page.locator("main li a").allInnerTexts();
    expect(sections).toEqual([
      "Describe your organisation",
      "Decide who you need to engage and why",
      "Describe your engagement model today and the one you want",
      "Assess your capacity to answer questions",
      "Set your commitment",
    ]);
    await expectAccessible(page, `report-not-ready${suffix}`);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe.skipIf(skipE2e)("the checkboxes' 'None' option with JavaScript", () => {
  it("unticks the other options, and they untick it", async () => {
    const { context, page, problems } = await newContext(browser, { javaScript: true, viewport: "phone" });
    await page.goto("/");
    await page.getByRole("button", { name: "Start now" }).click();
    await waitForPage(page, /\/your-link/);
    const link = (await page.locator(".app-private-link").innerText()).trim();
    await page.goto(`${link}/organisation/channels`);
    await page.getByLabel("Facebook").check();
    await page.getByLabel("YouTube").check();
    await page.getByLabel("None yet").check();
    expect(await page.getByLabel("Facebook").isChecked()).toBe(false);
    expect(await page.getByLabel("YouTube").isChecked()).toBe(false);
    await page.getByLabel("Instagram").check();
    expect(await page.getByLabel("None yet").isChecked()).toBe(false);
    await expectAccessible(page, "js-channels-phone");
    expect(problems).toEqual([]);
    await context.close();
  });
});
