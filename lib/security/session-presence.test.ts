// Which Cookie headers may hold an Auth.js session: the cheap test that lets a signed-out request skip Auth.js.
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { hasSessionToken, mayCarrySession } from "./session-presence";

describe("mayCarrySession", () => {
  it.each([
    "authjs.session-token=abc",
    "__Secure-authjs.session-token=abc",
    "theme=dark; authjs.session-token=abc",
    "theme=dark;__Secure-authjs.session-token.0=abc; __Secure-authjs.session-token.1=def",
    "authjs.session-token.0=abc",
  ])("says a session may be in %s", (cookie) => {
    expect(mayCarrySession(cookie)).toBe(true);
  });

  it.each([
    null,
    undefined,
    "",
    "theme=dark",
    "authjs.csrf-token=abc; authjs.callback-url=%2F",
    "x-authjs.session-token=abc",
    "authjs.session-tokens=abc",
    "note=authjs.session-token",
  ])("says none can be in %s", (cookie) => {
    expect(mayCarrySession(cookie)).toBe(false);
  });

  it("agrees with the full check: a real token's cookie may carry a session, and only a real one decodes", async () => {
    const token = await encode({ token: { uid: "00000000-0000-4000-8000-000000000001", sv: 1 }, secret: env().authSecret, salt: "authjs.session-token" });
    const cookie = `theme=dark; authjs.session-token=${token}`;
    expect(mayCarrySession(cookie)).toBe(true);
    expect(await hasSessionToken(new Headers({ cookie }))).toBe(true);
    expect(await hasSessionToken(new Headers({ cookie: "authjs.session-token=garbage" }))).toBe(false);
    expect(await hasSessionToken(new Headers({ cookie: "theme=dark" }))).toBe(false);
  });
});
