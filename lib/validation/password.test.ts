import { describe, expect, it } from "vitest";
import { PUBLISHED_PASSWORDS } from "../demo-accounts";
import { newPasswordField } from "./password";

describe("newPasswordField", () => {
  it.each([
    ["short", "Use at least 10 characters."],
    ["x".repeat(129), "Passwords are at most 128 characters."],
    ...PUBLISHED_PASSWORDS.map((p) => [p, "That password is printed in the README: choose another."]),
  ])("refuses %s", (password, message) => {
    const result = newPasswordField.safeParse(password);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(message);
  });

  it("takes a private password of 10 to 128 characters", () => {
    expect(newPasswordField.safeParse("a private password").success).toBe(true);
  });
});
