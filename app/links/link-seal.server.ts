/**
 * Read-only link tokens, sealed so that only the holder of the owner's private link can read
 * them back. The owner's PDF names the newest read-only link, so its token must be recoverable;
 * but the database holds only hashes of private links, so a copy of the database alone must not
 * give anyone a working link. The key is derived from the owner's private link token (HKDF-SHA256,
 * salted with the assessment id) and the token is encrypted with AES-256-GCM, bound to its link
 * id. When the owner replaces their private link, the tokens are sealed again under the new key.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";
const INFO = "engagement-readiness/report-link-seal/v1";

type SealScope = { editToken: string; assessmentId: string; linkId: string };

function sealKey(editToken: string, assessmentId: string): Buffer {
  return Buffer.from(hkdfSync("sha256", editToken, assessmentId, INFO, 32));
}

export function sealReportToken(token: string, scope: SealScope): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealKey(scope.editToken, scope.assessmentId), iv);
  cipher.setAAD(Buffer.from(scope.linkId));
  const sealed = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return [
    VERSION,
    iv.toString("base64url"),
    sealed.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
  ].join(".");
}

/** The token, or null when it was sealed under another key or link, or the text is damaged. */
export function unsealReportToken(sealed: string, scope: SealScope): string | null {
  const [version, iv, body, tag, ...rest] = sealed.split(".");
  if (version !== VERSION || !iv || !body || !tag || rest.length > 0) return null;
  try {
    const decipher = createDecipheriv(
      "aes-256-gcm",
      sealKey(scope.editToken, scope.assessmentId),
      Buffer.from(iv, "base64url"),
      {
        authTagLength: 16,
      },
    );
    decipher.setAAD(Buffer.from(scope.linkId));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
