import { describe, expect, it } from "vitest";
import { sealReportToken, unsealReportToken } from "./link-seal.server";

const scope = { editToken: "E".repeat(43), assessmentId: "assessment-1", linkId: "link-1" };
const TOKEN = "R".repeat(43);

describe("sealed read-only link tokens", () => {
  it("open again only with the same private link, assessment and link id", () => {
    const sealed = sealReportToken(TOKEN, scope);
    expect(unsealReportToken(sealed, scope)).toBe(TOKEN);
    expect(unsealReportToken(sealed, { ...scope, editToken: "F".repeat(43) })).toBeNull();
    expect(unsealReportToken(sealed, { ...scope, assessmentId: "assessment-2" })).toBeNull();
    expect(unsealReportToken(sealed, { ...scope, linkId: "link-2" })).toBeNull();
  });

  it("never hold the token or the private link in the clear, and differ each time", () => {
    const first = sealReportToken(TOKEN, scope);
    const second = sealReportToken(TOKEN, scope);
    expect(first).not.toBe(second);
    for (const sealed of [first, second]) {
      expect(sealed).not.toContain(TOKEN.slice(0, 8));
      expect(sealed).not.toContain(scope.editToken.slice(0, 8));
      expect(Buffer.from(sealed.split(".")[2] ?? "", "base64url").toString("latin1")).not.toContain("RRRR");
    }
  });

  it("refuse damaged or made-up text instead of throwing", () => {
    const sealed = sealReportToken(TOKEN, scope);
    const [version, iv, body, tag] = sealed.split(".") as [string, string, string, string];
    // NOTE: the character changed is the second to last (the last may hold only padding bits), so
    // that is the one whose value is read: it made an unchanged "flipped" body one run in 64.
    const flipped = `${body.slice(0, -2)}${body.at(-2) === "A" ? "B" : "A"}${body.slice(-1)}`;
    for (const bad of [
      "",
      "v1",
      "v2.a.b.c",
      `${version}.${iv}.${flipped}.${tag}`,
      `${version}.${iv}.${body}.${tag.slice(0, 8)}`,
      `${version}.${iv}.${body}.${tag}.extra`,
      "v1.!!.??.**",
    ]) {
      expect(unsealReportToken(bad, scope)).toBeNull();
    }
  });
});
