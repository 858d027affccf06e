// The auth route's callbackUrl check: what Auth.js would answer with a 500 is refused as a 400 first.
import { describe, expect, it } from "vitest";
import { assertAuthCallbackUrl } from "./callback-url";

const request = (query: string, cookie?: string) => new Request(`http://localhost:3000/api/auth/session${query}`, { headers: cookie ? { cookie } : {} });

describe("assertAuthCallbackUrl", () => {
  it("lets through no callbackUrl, a path, and an absolute http(s) address", () => {
    for (const query of ["", "?callbackUrl=%2Flibrary", "?callbackUrl=http%3A%2F%2Flocalhost%3A3000%2Fx", "?callbackUrl=https%3A%2F%2Fexample.com"]) {
      expect(() => assertAuthCallbackUrl(request(query))).not.toThrow();
    }
  });

  it("refuses a callbackUrl that is not an address, in the query or in Auth.js's cookie, with 400 on that field", () => {
    for (const [query, cookie] of [
      ["?callbackUrl=%22%3B%20DROP", undefined],
      ["?callbackUrl=12345", undefined],
      ["?callbackUrl=javascript%3Aalert(1)", undefined],
      ["", "authjs.callback-url=not%20a%20url"],
      ["", "a=b; __Secure-authjs.callback-url=%E0%A4%A"],
    ] as const) {
      expect(() => assertAuthCallbackUrl(request(query, cookie))).toThrow(
        expect.objectContaining({ code: "input.invalid", status: 400, fieldErrors: { callbackUrl: [expect.stringContaining("path on this site")] } }),
      );
    }
  });
});
