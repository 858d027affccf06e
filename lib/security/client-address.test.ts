// The address rate limits count against: the platform's, or the trusted proxies', never what a client wrote itself.
import { describe, expect, it } from "vitest";
import { clientAddress, sharedBudgetWarning, type AddressSource } from "./client-address";

const direct: AddressSource = { onVercel: false, trustedHops: 0 };
const behindOne: AddressSource = { onVercel: false, trustedHops: 1 };
const behindTwo: AddressSource = { onVercel: false, trustedHops: 2 };
const vercel: AddressSource = { onVercel: true, trustedHops: 0 };
const headers = (h: Record<string, string>) => new Headers(h);

describe("clientAddress", () => {
  it("ignores X-Forwarded-For entirely when no proxy is trusted (a client can't pick its own budget)", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.9" }), direct)).toBe("unknown");
    expect(clientAddress(headers({ "x-real-ip": "203.0.113.9" }), direct)).toBe("unknown");
  });

  it("behind one trusted proxy takes the address that proxy appended, not the spoofed ones before it", () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it saw.
    expect(clientAddress(headers({ "x-forwarded-for": "1.2.3.4, 198.51.100.7" }), behindOne)).toBe("198.51.100.7");
    expect(clientAddress(headers({ "x-forwarded-for": "198.51.100.7" }), behindOne)).toBe("198.51.100.7");
  });

  it("behind two proxies counts two hops from the right", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.2" }), behindTwo)).toBe("198.51.100.7");
    // Fewer hops than trusted proxies: the chain is not what the deployment promised.
    expect(clientAddress(headers({ "x-forwarded-for": "198.51.100.7" }), behindTwo)).toBe("unknown");
  });

  it("refuses a hop that is not an IP address and normalises ports and brackets", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "evil, <script>" }), behindOne)).toBe("unknown");
    expect(clientAddress(headers({ "x-forwarded-for": "[2001:DB8::1]:443" }), behindOne)).toBe("2001:db8::1");
    expect(clientAddress(headers({ "x-forwarded-for": "198.51.100.7:8080" }), behindOne)).toBe("198.51.100.7");
  });

  it("on Vercel reads the platform's header and never the client's X-Forwarded-For", () => {
    const h = headers({ "x-forwarded-for": "1.2.3.4", "x-vercel-forwarded-for": "198.51.100.7", "x-real-ip": "198.51.100.7" });
    expect(clientAddress(h, vercel)).toBe("198.51.100.7");
    expect(clientAddress(headers({ "x-forwarded-for": "1.2.3.4", "x-real-ip": "198.51.100.8" }), vercel)).toBe("198.51.100.8");
    expect(clientAddress(headers({ "x-forwarded-for": "1.2.3.4" }), vercel)).toBe("unknown");
  });
});

describe("sharedBudgetWarning", () => {
  it("warns at startup only in production off Vercel without a trusted proxy, where every client shares one budget", () => {
    expect(sharedBudgetWarning(direct, true)).toMatch(/TRUSTED_PROXY_HOPS is 0 off Vercel/);
    expect(sharedBudgetWarning(direct, false)).toBeNull();
    expect(sharedBudgetWarning(behindOne, true)).toBeNull();
    expect(sharedBudgetWarning(vercel, true)).toBeNull();
  });
});
