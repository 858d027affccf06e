import { describe, expect, it } from "vitest";
import { contentLines, diffHunks, lineDiff } from "./diff";

describe("version diff", () => {
  it("renders multi-line text as lines and aligns unchanged ones", () => {
    const before = contentLines({ kind: "prompt", template: "Line one\nLine two\nLine three", targetModel: "A" });
    const after = contentLines({ kind: "prompt", template: "Line one\nLine 2\nLine three", targetModel: "A" });
    expect(lineDiff(before, after).filter((l) => l.op !== "same")).toEqual([
      { op: "del", text: "  Line two" },
      { op: "add", text: "  Line 2" },
    ]);
  });

  it("folds long unchanged runs into hunks with context", () => {
    const before = Array.from({ length: 50 }, (_, i) => `line ${i}`);
    const after = [...before];
    after[25] = "changed";
    const hunks = diffHunks(lineDiff(before, after), 2);
    expect(hunks).toHaveLength(1);
    expect(hunks[0].skippedBefore).toBe(23);
    expect(hunks[0].lines.map((l) => l.op)).toEqual(["same", "same", "del", "add", "same", "same"]);
  });

  it("lists array items and nested objects readably", () => {
    expect(contentLines({ questions: [{ q: "Why?", choices: ["a", "b"] }], empty: [] })).toEqual([
      "questions:",
      "  [1]:",
      "    q: Why?",
      "    choices:",
      "      [1]: a",
      "      [2]: b",
      "empty: []",
    ]);
  });
});
