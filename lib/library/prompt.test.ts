import { describe, expect, it } from "vitest";
import { fillPrompt, missingVariables, promptSegments } from "./prompt";

describe("prompt filling", () => {
  it("fills every occurrence of a variable, tolerating spaces inside the braces", () => {
    const template = "Dear {{name}}, about {{ topic }}: thanks, {{name}}.";
    expect(fillPrompt(template, { name: "Ada", topic: "engines" })).toBe("Dear Ada, about engines: thanks, Ada.");
  });

  it("leaves unfilled variables visible and lists them once, in order", () => {
    const template = "{{a}} and {{b}} and {{a}}";
    expect(fillPrompt(template, { b: "B" })).toBe("{{a}} and B and {{a}}");
    expect(fillPrompt(template, { a: "   ", b: "B" })).toBe("{{a}} and B and {{a}}");
    expect(missingVariables(template, { b: "B" })).toEqual(["a"]);
    expect(missingVariables(template, { a: "x", b: "y" })).toEqual([]);
  });

  it("inserts values verbatim and never expands braces inside a value", () => {
    expect(fillPrompt("Say {{x}}", { x: "{{y}} $& $1", y: "nope" })).toBe("Say {{y}} $& $1");
  });

  it("ignores keys inherited from Object.prototype", () => {
    expect(fillPrompt("{{constructor}}", {})).toBe("{{constructor}}");
  });

  it("splits the template into text and variable segments for highlighting", () => {
    expect(promptSegments("Hi {{n}}!", { n: "Bo" })).toEqual([
      { type: "text", text: "Hi " },
      { type: "variable", name: "n", value: "Bo" },
      { type: "text", text: "!" },
    ]);
  });
});
