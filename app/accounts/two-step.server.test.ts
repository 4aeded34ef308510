import { generateTOTP } from "@epic-web/totp";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  keyForTyping,
  newRecoveryCodes,
  newTwoStepSecret,
  normaliseCode,
  normaliseRecoveryCode,
  recoveryCodeHash,
  verifyCode,
} from "./two-step.server";

// 2026-11-30 09:00:10 UTC: 10 seconds into a 30-second step.
const T0 = Date.UTC(2026, 10, 30, 9, 0, 10);
const STEP0 = Math.floor(T0 / 30_000);

async function codeAt(secret: string, ms: number): Promise<string> {
  vi.setSystemTime(ms);
  return (await generateTOTP({ secret, period: 30, digits: 6, algorithm: "SHA-1" })).otp;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("two-step keys", () => {
  it("makes 160-bit base32 keys, different each time, shown in groups of four", () => {
    const secret = newTwoStepSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTwoStepSecret()).not.toBe(secret);
    expect(keyForTyping("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")).toBe("ABCD EFGH IJKL MNOP QRST UVWX YZ23 4567");
  });
});

describe("verifyCode", () => {
  it("accepts this step's code and one step either side, saying which step, and nothing further", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const secret = newTwoStepSecret();
    const codes = new Map<number, string>();
    for (const offset of [-2, -1, 0, 1, 2]) codes.set(offset, await codeAt(secret, T0 + offset * 30_000));
    vi.setSystemTime(T0);
    expect(await verifyCode(secret, codes.get(0) ?? "")).toBe(STEP0);
    expect(await verifyCode(secret, codes.get(-1) ?? "")).toBe(STEP0 - 1);
    expect(await verifyCode(secret, codes.get(1) ?? "")).toBe(STEP0 + 1);
    // Codes two steps away can, by chance, equal a nearer one's (one in a million): skip those.
    for (const offset of [-2, 2]) {
      const code = codes.get(offset) ?? "";
      if ([-1, 0, 1].some((near) => codes.get(near) === code)) continue;
      expect(await verifyCode(secret, code)).toBeUndefined();
    }
  });

  it("takes the code with spaces, and refuses other keys' codes and anything not six digits", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const secret = newTwoStepSecret();
    const code = await codeAt(secret, T0);
    expect(await verifyCode(secret, `${code.slice(0, 3)} ${code.slice(3)}`)).toBe(STEP0);
    const other = newTwoStepSecret();
    if ((await codeAt(other, T0)) !== code) expect(await verifyCode(other, code)).toBeUndefined();
    for (const bad of ["", "12345", "1234567", "abcdef", `${code}0`])
      expect(await verifyCode(secret, bad)).toBeUndefined();
  });

  it("normalises typed codes", () => {
    expect(normaliseCode(" 123 456 ")).toBe("123456");
    expect(normaliseCode("123-456")).toBe("123456");
    expect(normaliseCode("12345a")).toBeUndefined();
  });
});

describe("recovery codes", () => {
  it("makes ten different codes of 12 unambiguous characters in groups of four", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
  });

  it("hashes a code the same however it is typed, differently per person, and never holds the code", () => {
    const [code = ""] = newRecoveryCodes();
    const hash = recoveryCodeHash("user-1", code);
    expect(recoveryCodeHash("user-1", code.toUpperCase().replace(/-/g, " "))).toBe(hash);
    expect(recoveryCodeHash("user-2", code)).not.toBe(hash);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(code.replace(/-/g, ""));
    expect(normaliseRecoveryCode("abcd-efgh-jkmn")).toBe("abcdefghjkmn");
    expect(normaliseRecoveryCode("abcd-efgh-jkm0")).toBeUndefined();
    expect(normaliseRecoveryCode("abcd-efgh")).toBeUndefined();
  });
});
