import { describe, expect, it } from "vitest";
import { fieldErrorsFrom, MESSAGES, SignInSchema, signUpSchema, type SignUpInput } from "./account-forms";

const valid: SignUpInput = {
  displayName: " Ana López ",
  email: " Ana.Lopez@Example.org ",
  password: "kettle harbour violet march",
  workspaceName: "Harbour Consulting",
};

function errorsFor(input: Partial<SignUpInput>, isCommon?: (password: string) => boolean) {
  const result = signUpSchema(isCommon).safeParse({ ...valid, ...input });
  return result.success ? {} : fieldErrorsFrom(result.error);
}

describe("the sign-up form", () => {
  it("accepts a good form, trimming names and the email but never the password", () => {
    const result = signUpSchema().safeParse({ ...valid, password: " kettle harbour violet " });
    expect(result.success && result.data).toEqual({
      displayName: "Ana López",
      email: "Ana.Lopez@Example.org",
      password: " kettle harbour violet ",
      workspaceName: "Harbour Consulting",
    });
  });

  it("asks for every field, and an email in the right shape", () => {
    expect(errorsFor({ displayName: " ", email: "", password: "", workspaceName: "" })).toEqual({
      displayName: MESSAGES.nameMissing,
      email: MESSAGES.emailMissing,
      password: MESSAGES.passwordMissing,
      workspaceName: MESSAGES.workspaceMissing,
    });
    expect(errorsFor({ email: "ana.example.org" }).email).toBe(MESSAGES.emailInvalid);
  });

  it("wants 12 to 256 characters, and says why", () => {
    expect(errorsFor({ password: "short words" }).password).toBe(MESSAGES.passwordTooShort);
    expect(MESSAGES.passwordTooShort).toMatch(/harder to guess/);
    expect(errorsFor({ password: "x".repeat(12) })).toEqual({});
    expect(errorsFor({ password: "word ".repeat(52) }).password).toBe(MESSAGES.passwordTooLong);
  });

  it("refuses a password holding the email's first part or the workspace name, in any case", () => {
    expect(errorsFor({ password: "my ANA.LOPEZ secret words" }).password).toBe(MESSAGES.passwordHasEmail);
    expect(errorsFor({ password: "harbourconsulting 2026" }).password).toBe(MESSAGES.passwordHasWorkspace);
  });

  it("refuses a common password only where the list is given (on the server)", () => {
    expect(errorsFor({ password: "qwerty123456" })).toEqual({});
    expect(errorsFor({ password: "qwerty123456" }, (p) => p === "qwerty123456").password).toBe(MESSAGES.passwordCommon);
  });
});

describe("the sign-in form", () => {
  it("asks only that both were typed", () => {
    const result = SignInSchema.safeParse({ email: "", password: "" });
    expect(result.success ? {} : fieldErrorsFrom(result.error)).toEqual({
      email: MESSAGES.signInEmailMissing,
      password: MESSAGES.signInPasswordMissing,
    });
    expect(SignInSchema.safeParse({ email: "a", password: "b" }).success).toBe(true);
  });
});
