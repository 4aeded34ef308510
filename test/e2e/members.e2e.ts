/**
 * Members as an owner and a colleague use them, with JavaScript (desktop) and without (phone).
 * The e2e server sends no email, so the owner copies the invitation link: the colleague opens
 * it in a browser of their own, creates an account and lands in the workspace as a consultant.
 * The owner makes a password reset link, removes the colleague (whose session stops working at
 * once), and reads it all on the audit trail. A replayed invitation gets its own clear page.
 * axe checks every new page, error states included.
 */
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
const COLLEAGUE_PASSWORD = "lantern orchard pebble quiet";

async function heading(page: Page): Promise<string> {
  return page.getByRole("heading", { level: 1 }).innerText();
}

describe.skipIf(skipE2e)("members, invitations and the audit trail", () => {
  for (const javaScript of [true, false]) {
    it(`invites a colleague who joins, then removes them, ${javaScript ? "with" : "without"} JavaScript`, async () => {
      if (!browser) throw new Error("not started");
      const label = javaScript ? "js" : "no-js";
      const viewport = javaScript ? "desktop" : "phone";
      const owner = await newContext(browser, { javaScript, viewport });
      const page = owner.page;
      const suffix = randomBytes(4).toString("hex");
      const ownerEmail = `aroha.${suffix}@example.org`;
      const colleagueEmail = `sam.${suffix}@example.org`;
      const workspace = `Tauranga Partners ${label}`;

      // The owner signs up, and reaches the members page from the workspace home.
      await page.goto("/sign-up");
      await page.getByLabel("Your name").fill("Aroha Ngata");
      await page.getByLabel("Work email address").fill(ownerEmail);
      await page.getByLabel("Create a password").fill(PASSWORD);
      await page.getByLabel("Workspace name").fill(workspace);
      await press(page, "Create account", javaScript);
      await waitForPage(page, /\/w\/[0-9a-f-]{36}$/);
      const workspaceUrl = page.url();
      await page.getByRole("link", { name: "Manage members and invitations" }).click();
      await waitForPage(page, /\/members$/);
      expect(await heading(page)).toBe("Members");
      expect(await page.locator("main").innerText()).toContain("No invitations are waiting.");
      await expectAccessible(page, `members-${label}`);

      // A mistake first: the error is listed and linked, what was typed kept.
      await page.getByLabel("Their email address").fill("sam.example.org");
      await press(page, "Make invitation link", javaScript);
      await page.locator(".govuk-error-summary").waitFor();
      expect(await page.locator(".govuk-error-summary").innerText()).toContain(
        "Enter an email address in the correct format",
      );
      expect(await page.getByLabel("Their email address").inputValue()).toBe("sam.example.org");
      await expectAccessible(page, `members-invite-error-${label}`);

      // The invitation: without SMTP the link is shown once, to copy.
      await page.getByLabel("Their email address").fill(colleagueEmail);
      await page.getByLabel("Consultant").check();
      await press(page, "Make invitation link", javaScript);
      await page.locator("code.app-private-link").waitFor();
      const invitationLink = (await page.locator("code.app-private-link").innerText()).trim();
      expect(invitationLink).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invitations\/[A-Za-z0-9_-]{43}$/);
      expect(await page.locator("main").innerText()).toContain(`Invitation made for ${colleagueEmail}`);
      await expectAccessible(page, `members-invited-${label}`);
      await page.goto(new URL(page.url()).pathname);
      expect(await page.locator("main").innerText()).toContain(colleagueEmail);
      expect(await page.locator("main").innerText()).not.toContain(invitationLink);

      // The colleague, in a browser of their own, creates an account and joins.
      const colleague = await newContext(browser, { javaScript, viewport });
      const theirPage = colleague.page;
      await theirPage.goto(invitationLink);
      expect(await heading(theirPage)).toBe(`Join ${workspace}`);
      expect(await theirPage.locator("main").innerText()).toContain(
        `Aroha Ngata has invited ${colleagueEmail} to join ${workspace} as a consultant`,
      );
      await expectAccessible(theirPage, `invitation-${label}`);
      await theirPage.getByLabel("Your name").fill("Sam Tupaea");
      await theirPage.getByLabel("Create a password").fill("short");
      await press(theirPage, "Create account and join", javaScript);
      await theirPage.locator(".govuk-error-summary").waitFor();
      expect(await theirPage.getByLabel("Your name").inputValue()).toBe("Sam Tupaea");
      await expectAccessible(theirPage, `invitation-error-${label}`);
      await theirPage.getByLabel("Create a password").fill(COLLEAGUE_PASSWORD);
      await press(theirPage, "Create account and join", javaScript);
      await waitForPage(theirPage, workspaceUrl);
      expect(await heading(theirPage)).toBe(workspace);
      expect(await theirPage.locator("main").innerText()).toMatch(/Your role\s+Consultant/);
      // Not an owner: the members page is not theirs ("Page not found").
      const refused = await theirPage.goto(`${workspaceUrl}/members`);
      expect(refused?.status()).toBe(404);

      // The owner sees the new member, changes their role, and makes a password reset link for them.
      await page.goto(`${workspaceUrl}/members`);
      expect(await page.locator("main").innerText()).toContain("Sam Tupaea");
      await expectAccessible(page, `members-with-colleague-${label}`);
      await page.getByLabel("Role of Sam Tupaea").selectOption("viewer");
      await press(page, "Change role of Sam Tupaea", javaScript);
      await waitForPage(page, /\/members\?done=role$/);
      expect(await page.locator(".govuk-notification-banner").innerText()).toContain("The member's role was changed");
      expect(await page.getByLabel("Role of Sam Tupaea").inputValue()).toBe("viewer");
      await press(page, /^Make a password reset link/, javaScript);
      await page.locator("code.app-private-link").waitFor();
      const resetLink = (await page.locator("code.app-private-link").innerText()).trim();
      expect(resetLink).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);
      const resetContext = await newContext(browser, { javaScript, viewport });
      await resetContext.page.goto(resetLink);
      expect(await heading(resetContext.page)).toBe("Choose a new password");
      await expectAccessible(resetContext.page, `reset-password-${label}`);
      await resetContext.context.close();

      // Removing: a confirmation page, then the colleague is signed out at once.
      await page.goto(`${workspaceUrl}/members`);
      await page.getByRole("link", { name: "Remove Sam Tupaea" }).click();
      await waitForPage(page, /\/remove$/);
      expect(await heading(page)).toBe("Are you sure you want to remove Sam Tupaea?");
      await expectAccessible(page, `remove-member-${label}`);
      await press(page, "Remove member", javaScript);
      await waitForPage(page, /\/members\?done=removed$/);
      expect(await page.locator(".govuk-notification-banner").innerText()).toContain("The member was removed");
      expect(await page.locator("main").innerText()).not.toContain("Sam Tupaea");
      await theirPage.goto(workspaceUrl);
      await waitForPage(theirPage, /\/sign-in\?next=/);

      // The invitation link again: used, with a clear page and nothing of the workspace.
      const replay = await theirPage.goto(invitationLink);
      expect(replay?.status()).toBe(404);
      expect(await heading(theirPage)).toBe("This invitation has already been used");
      expect(await theirPage.locator("main").innerText()).not.toContain(workspace);
      await expectAccessible(theirPage, `invitation-used-${label}`);

      // The audit trail tells the story, newest first.
      await page.goto(workspaceUrl);
      await page.getByRole("link", { name: "Audit trail" }).click();
      await waitForPage(page, /\/audit$/);
      expect(await heading(page)).toBe("Audit trail");
      const trail = await page.locator("table").innerText();
      expect(trail).toContain(`Aroha Ngata invited ${colleagueEmail} as a consultant`);
      expect(trail).toContain("Sam Tupaea joined the workspace as a consultant");
      expect(trail).toContain("Aroha Ngata changed Sam Tupaea's role from consultant to viewer");
      expect(trail).toContain("Aroha Ngata made a password reset link for Sam Tupaea");
      expect(trail).toContain("Aroha Ngata removed Sam Tupaea from the workspace");
      expect(trail.indexOf("removed Sam Tupaea")).toBeLessThan(trail.indexOf("joined the workspace"));
      await expectAccessible(page, `audit-${label}`);

      // Forgotten password, from the sign-in page: this server sends no email, and says so.
      await theirPage.goto("/sign-in");
      await theirPage.getByRole("link", { name: "Forgotten your password?" }).click();
      await waitForPage(theirPage, /\/forgot-password$/);
      expect(await theirPage.locator("main").innerText()).toContain("This service does not send email");
      await expectAccessible(theirPage, `forgot-password-${label}`);

      expect(owner.problems).toEqual([]);
      expect(colleague.problems).toEqual([]);
      await colleague.context.close();
      await owner.context.close();
    }, 240_000);
  }
});
