import { describe, expect, it } from "vitest";
import { ARGON2_OPTIONS, DUMMY_HASH, hashPassword, isCommonPassword, verifyPassword } from "./password.server";

describe("passwords", () => {
  it("hashes with Argon2id and the configured cost, and verifies only the right password", async () => {
    const hash = await hashPassword("kettle harbour violet march");
    expect(hash).toMatch(
      new RegExp(`^\\$argon2id\\$v=19\\$m=${ARGON2_OPTIONS.memoryCost},t=${ARGON2_OPTIONS.timeCost},p=1\\$`),
    );
    expect(await verifyPassword(hash, "kettle harbour violet march")).toBe(true);
    expect(await verifyPassword(hash, "kettle harbour violet March")).toBe(false);
  });

  it("checks an account without a hash against a dummy made with the same cost, and never matches", async () => {
    expect(DUMMY_HASH.split("$").slice(0, 4)).toEqual((await hashPassword("x")).split("$").slice(0, 4));
    expect(await verifyPassword(null, "anything at all")).toBe(false);
    expect(await verifyPassword(undefined, "anything at all")).toBe(false);
    expect(await verifyPassword("not a hash", "anything at all")).toBe(false);
  });

  it("knows common passwords of any length, in any case, and one character repeated", () => {
    expect(isCommonPassword("password")).toBe(true);
    expect(isCommonPassword("QWERTY123456")).toBe(true);
    expect(isCommonPassword("1q2w3e4r5t6y")).toBe(true);
    expect(isCommonPassword("aaaaaaaaaaaaaa")).toBe(true);
    expect(isCommonPassword("kettle harbour violet march")).toBe(false);
  });
});
