import { describe, expect, it } from "vitest";
import {
  formatBytes,
  formatCount,
  formatDate,
  formatDateTime,
  formatLongDate,
  formatMoney,
  formatMonth,
  formatPrice,
  formatShortDate,
  formatTimestamp,
} from "./format";

describe("formatting for people", () => {
  it("a price of zero is Free, an amount of zero is $0.00, and negative amounts keep their sign", () => {
    expect(formatPrice(0)).toBe("Free");
    expect(formatPrice(1250)).toBe("$12.50");
    expect(formatMoney(0)).toBe("$0.00");
    expect(formatMoney(-500)).toBe("-$5.00");
    expect(formatMoney(123456789, "eur")).toBe("€1,234,567.89");
  });

  it("byte sizes use binary units with at most one decimal", () => {
    expect(formatBytes(0)).toBe("0 bytes");
    expect(formatBytes(1)).toBe("1 byte");
    expect(formatBytes(1023)).toBe("1023 bytes");
    expect(formatBytes(2048)).toBe("2 KB");
    expect(formatBytes(1.5 * 1024 * 1024)).toBe("1.5 MB");
    expect(formatBytes(50 * 1024 * 1024)).toBe("50 MB");
    expect(formatBytes(3 * 1024 ** 4)).toBe("3 TB");
  });

  it("dates are written in UTC whatever the machine's zone, and a missing date is a dash", () => {
    const d = new Date("2026-11-01T23:30:00Z");
    expect(formatDate(d)).toBe("Nov 1, 2026");
    expect(formatDate("2026-11-01T23:30:00Z")).toBe("Nov 1, 2026");
    expect(formatDateTime(d)).toBe("Nov 1, 2026, 11:30 PM UTC");
    expect(formatLongDate(d)).toBe("November 1, 2026");
    expect(formatMonth(d)).toBe("November 2026");
    expect(formatShortDate(d)).toBe("Nov 1");
    expect(formatTimestamp(d)).toBe("2026-11-01 23:30 UTC");
    expect(formatDate(null)).toBe("—");
    expect(formatDateTime(undefined)).toBe("—");
  });
});

describe("formatCount", () => {
  it("writes the count with thousands separators and the noun in the singular only for one", () => {
    expect(formatCount(0, "order")).toBe("0 orders");
    expect(formatCount(1, "order")).toBe("1 order");
    expect(formatCount(1234, "item")).toBe("1,234 items");
    expect(formatCount(2, "open report")).toBe("2 open reports");
    expect(formatCount(3, "child", "children")).toBe("3 children");
  });
});
