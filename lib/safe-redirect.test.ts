import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it.each([
    ["/editor/claims?status=draft#top", "/editor/claims?status=draft#top"],
    ["/editor", "/editor"],
    [undefined, "/editor"],
    ["", "/editor"],
    ["https://evil.example/", "/editor"],
    ["//evil.example", "/editor"],
    ["/\\evil.example", "/editor"],
    ["/\t/evil.example", "/editor"],
    ["/\n/evil.example", "/editor"],
    ["/.//evil.example", "/editor"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["javascript:alert(1)", "/editor"],
    ["/ok/../editor", "/editor"],
    [["/editor/claims", "//evil.example"], "/editor"],
  ] as [string | string[] | undefined, string][])("%j → %j", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });
});
