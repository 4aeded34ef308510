import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { createAccount, type NewAccount } from "../../db/repositories/users";
import type { Database } from "../../db/schema";

export type TestAccount = NewAccount & { email: string; cookieValue: string; sessionId: string };

/**
 * An account with a workspace and a signed-in session, written straight through the
 * repositories: `cookieValue` is what the browser's cookie would hold, `sessionId` its hash.
 */
export async function createTestAccount(
  db: Kysely<Database>,
  options: { email?: string; displayName?: string; workspaceName?: string; now?: Date; passwordHash?: string } = {},
): Promise<TestAccount> {
  const email = options.email ?? `person-${randomBytes(4).toString("hex")}@example.org`;
  const cookieValue = randomBytes(32).toString("base64url");
  const sessionId = createHash("sha256").update(cookieValue).digest("hex");
  const created = await createAccount(db, {
    email,
    displayName: options.displayName ?? "Ana Lopez",
    passwordHash: options.passwordHash ?? null,
    workspaceName: options.workspaceName ?? "Harbour Consulting",
    session: { sessionId, userAgent: "Firefox on Linux" },
    now: options.now,
  });
  if (created === "email-taken") throw new Error(`${email} is already taken`);
  return { ...created, email: email.trim().toLowerCase(), cookieValue, sessionId };
}
