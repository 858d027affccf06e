import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it.each([
    ["/%09/evil.com"],
    ["/\\evil.com"],
    ["//evil.com"],
    ["https://evil.com"],
    ["/%2F%2Fevil.com"],
    ["/%5Cevil.com"],
    ["/\t/evil.com"],
    ["javascript:alert(1)"],
    ["evil.com"],
    [""],
    [undefined],
    [42],
    ["/%E0%A4%A"],
  ])("sends %j home", (value) => {
    expect(safeReturnPath(value)).toBe("/");
  });

  it("keeps a path on this site with its query and hash", () => {
    expect(safeReturnPath("/l/some-listing?tab=reviews#top")).toBe("/l/some-listing?tab=reviews#top");
    expect(safeReturnPath("/library")).toBe("/library");
    expect(safeReturnPath("/browse?q=email%20writer")).toBe("/browse?q=email%20writer");
  });

  it("uses the fallback it is given", () => {
    expect(safeReturnPath("//evil.com", "/account")).toBe("/account");
  });
});
