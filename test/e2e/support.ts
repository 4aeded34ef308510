import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect, inject } from "vitest";
import { CHROMIUM_ARGS } from "./chromium";

export const baseUrl = inject("baseUrl");
export const chromiumPath = inject("chromiumPath");
export const databaseUrl = inject("databaseUrl");
/** True when Chromium is missing and the suite is skipped (global-setup printed why). */
export const skipE2e = !chromiumPath;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
}

export type Viewport = "narrow" | "phone" | "desktop";
const SIZES: Record<Viewport, { width: number; height: number }> = {
  narrow: { width: 320, height: 640 },
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
};

/** A fresh browser profile, as a person on their own device. Browser errors fail the test. */
export async function newContext(
  browser: Browser,
  options: {
    javaScript: boolean;
    viewport?: Viewport;
    /** Another context's cookies, to be the same person on a second device. */
    storageState?: Awaited<ReturnType<BrowserContext["storageState"]>>;
  },
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    javaScriptEnabled: options.javaScript,
    viewport: SIZES[options.viewport ?? "desktop"],
    ...(options.storageState ? { storageState: options.storageState } : {}),
  });
  if (!options.javaScript) withoutJavaScript.add(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    // 4xx answers to our own deliberate bad input are expected; anything else is a problem.
    if (message.type() === "error" && !/status of 4\d\d/.test(message.text())) {
      problems.push(`console error: ${message.text()}`);
    }
  });
  return { context, page, problems };
}

const withoutJavaScript = new WeakSet<BrowserContext>();

/** Waits until React has hydrated the page (the root marks `<html data-hydrated>`). */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === "true");
}

/**
 * Waits until the browser is at `url` and shows that address's page. With JavaScript the address
 * changes as soon as the next page's data has arrived, a moment before React shows the page, so
 * this also waits for the root's mark (`<html data-shown-path>`) to match the address. A page
 * loaded as a whole document and not yet hydrated is already the server's page for that address.
 */
/**
 * Presses a button in the page's main content. With JavaScript, after the page has hydrated, so
 * the click is the app's own. Without, the click starts a page load: this waits until the new page
 * has loaded in full, so what is read next is never a page still arriving.
 */
export async function press(
  page: Page,
  name: string | RegExp,
  javaScript = !withoutJavaScript.has(page.context()),
): Promise<void> {
  if (javaScript) await waitForHydration(page);
  await page
    .locator("main")
    .getByRole("button", { name, exact: typeof name === "string" })
    .first()
    .click();
  if (!javaScript) await page.waitForLoadState("load");
}

export async function waitForPage(page: Page, url: Parameters<Page["waitForURL"]>[0]): Promise<void> {
  await page.waitForURL(url);
  if (withoutJavaScript.has(page.context())) return;
  await page.waitForFunction(
    () =>
      document.documentElement.dataset.hydrated !== "true" ||
      document.documentElement.dataset.shownPath === window.location.pathname + window.location.search,
  );
}

/**
 * axe-core with one setting changed: a radio may carry aria-expanded. GOV.UK Frontend sets it on
 * the radios and checkboxes that reveal a follow-up question, on purpose: ARIA 1.2 allows it on
 * checkboxes but not yet on radios (w3c/aria#1404), and GOV.UK's research found screen readers
 * announce it and help people (alphagov/govuk-frontend#979, #1972, #2823). Only that attribute on
 * that role is allowed; every other rule and attribute is checked as usual. NOTE: configuring a
 * check replaces its options, so axe's own default for this check (validTreeRowAttrs) is repeated.
 */
const AXE_SOURCE = `${readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8")}
;axe.configure({ checks: [{ id: "aria-allowed-attr", options: {
  validTreeRowAttrs: ["aria-posinset", "aria-setsize", "aria-expanded", "aria-level"],
  radio: ["aria-expanded"],
} }] });`;

/**
 * Runs axe-core (WCAG 2.2 A and AA, and best practice) and fails on any violation, naming each.
 * NOTE: axe cannot run in a page with JavaScript turned off, so such a page's HTML is replayed,
 * with its scripts removed, at the same address in a scratch page where axe can run.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const target = withoutJavaScript.has(page.context()) ? await replayWithoutScripts(page) : page;
  const results = await new AxeBuilder({ page: target, axeSource: AXE_SOURCE })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"])
    .analyze();
  if (target !== page) await target.context().close();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary, `axe violations on ${label} (${page.url()})`).toEqual([]);
  await saveScreenshot(page, label);
}

async function replayWithoutScripts(page: Page): Promise<Page> {
  const html = (await page.content())
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "")
    .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, "");
  const browser = page.context().browser();
  if (!browser) throw new Error("no browser");
  const scratch = await browser.newContext({ baseURL: baseUrl, viewport: page.viewportSize() });
  const replay = await scratch.newPage();
  const url = page.url();
  await replay.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html", body: html }));
  await replay.goto(url);
  return replay;
}

/** With SCREENSHOTS=dir, keeps a full-page picture of every page checked, for people to look at. */
async function saveScreenshot(page: Page, label: string): Promise<void> {
  const dir = process.env.SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  const name = `${label}-${width}`.replace(/[^a-z0-9-]+/gi, "-").toLowerCase();
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
