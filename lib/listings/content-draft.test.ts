import { describe, expect, it } from "vitest";
import { LISTING_KINDS } from "./kinds";
import { contentToDraft, draftToContent, emptyDraft, readDraft, syncPromptVariables, type ContentDraft } from "./content-draft";
import { listingDetailsSchema, priceTextToCents, tagsFromText, validateDetailsForm } from "./details";
import { parseJsonText } from "./json-text";
import { promptDraft, validDraft } from "./testing/fixtures";

const FILE_ID = "0b7c5e1e-2d57-4c44-9a39-6a0f5d0d7f11";

function issues(draft: ContentDraft) {
  const result = draftToContent(draft);
  if (result.ok) throw new Error("expected the draft to be refused");
  return result.issues;
}

describe("content validation per kind (shared schemas)", () => {
  it("accepts a complete draft of every kind and round-trips it through content", () => {
    for (const kind of LISTING_KINDS) {
      const result = draftToContent(validDraft(kind, FILE_ID));
      expect(result.ok, kind).toBe(true);
      if (!result.ok) continue;
      expect(result.content.kind).toBe(kind);
      expect(draftToContent(contentToDraft(result.content))).toEqual(result);
      expect(readDraft(kind, result.content)).toEqual(contentToDraft(result.content));
    }
  });

  it("refuses an empty draft of every kind with messages a person understands", () => {
    for (const kind of LISTING_KINDS) {
      const found = issues(emptyDraft(kind));
      expect(found.length, kind).toBeGreaterThan(0);
      for (const issue of found) expect(issue.message, `${kind}: ${issue.message}`).not.toMatch(/expected|Invalid input/i);
    }
  });

  it("prompt: every {{variable}} must be documented and every documented one used", () => {
    const found = issues(
      promptDraft({
        template: "Hi {{name}} from {{ city }}",
        variables: [
          { name: "name", description: "", example: "" },
          { name: "zip", description: "", example: "" },
        ],
      }),
    );
    expect(found.map((i) => i.message)).toEqual([
      "variable {{city}} is used in the template but not documented",
      "variable zip is documented but not used in the template",
    ]);
    expect(syncPromptVariables(promptDraft({ template: "{{b}} then {{a}} and {{b}}", variables: [{ name: "a", description: "A doc", example: "" }] }))).toEqual(
      [
        { name: "b", description: "", example: "" },
        { name: "a", description: "A doc", example: "" },
      ],
    );
    expect(issues(promptDraft({ targetModel: " " })).map((i) => i.message)).toEqual(["The target model is required."]);
  });

  it("preset: a JSON mistake points at its line and column; settings must be an object", () => {
    const [syntax] = issues({ kind: "preset", tool: "Lightroom", settingsText: '{\n  "exposure": 0.3\n  "contrast": 12\n}', notes: "" });
    expect(syntax).toMatchObject({ path: "settings", line: 2, column: 18, message: "Missing comma at the end of this line." });
    const [sameLine] = issues({ kind: "preset", tool: "Lightroom", settingsText: '{"exposure": 0.3 "contrast": 12}', notes: "" });
    expect(sameLine).toMatchObject({ line: 1, column: 18, message: "Expected , or } after a property value, found a quote." });
    expect(issues({ kind: "preset", tool: "Lightroom", settingsText: "[1, 2]", notes: "" })[0]).toMatchObject({ path: "settings", line: 1 });
    expect(issues({ kind: "preset", tool: "", settingsText: '{"a": 1}', notes: "" }).map((i) => i.message)).toEqual(["The tool is required."]);
    expect(issues({ kind: "preset", tool: "Lightroom", settingsText: "{}", notes: "" }).map((i) => i.message)).toEqual(["Add at least one setting."]);
  });

  it("template: the JSON body's syntax errors carry a line", () => {
    const [issue] = issues({ kind: "template", bodyText: '{\n  "a": [1, 2,],\n}', notes: "" });
    expect(issue).toMatchObject({ path: "body", line: 2, message: "Remove the comma before ]." });
  });

  it("test: a question needs two choices and a marked answer; ids are unique; the pass mark is 1–100", () => {
    const base = validDraft("test");
    if (base.kind !== "test") throw new Error("kind");
    expect(issues({ ...base, questions: [{ ...base.questions[0], correctIndex: -1 }] }).map((i) => i.message)).toEqual([
      "Question 1: mark the correct answer.",
    ]);
    expect(issues({ ...base, questions: [{ ...base.questions[0], choices: ["only"], correctIndex: 0 }] }).map((i) => i.message)).toEqual([
      "Question 1: A question's choices: add at least 2.",
    ]);
    expect(issues({ ...base, questions: [base.questions[0], { ...base.questions[1], id: "q1" }] }).map((i) => i.message)).toEqual([
      "question ids must be unique",
    ]);
    expect(issues({ ...base, passMark: 0 }).map((i) => i.message)).toEqual(["The pass mark must be at least 1."]);
    expect(issues({ ...base, questions: [] }).map((i) => i.message)).toEqual(["Questions: add at least 1."]);
  });

  it("model: the file is required", () => {
    expect(issues(validDraft("model", null)).map((i) => i.path)).toContain("fileId");
  });
});

describe("listing details", () => {
  const form = { title: "Crisp copy", summary: "Short", description: "", category: "writing", tags: "SEO, blog posts, seo", price: "4.99" };

  it("reads prices as typed and refuses what is not 0 or $1.00–$1,000.00", () => {
    expect(["0", "1", "4.5", "$12.99", "1,000", "1000.00"].map(priceTextToCents)).toEqual([0, 100, 450, 1299, 100000, 100000]);
    expect(["", "abc", "1.999", "-5", "1e3"].map(priceTextToCents)).toEqual([null, null, null, null, null]);
    expect(validateDetailsForm({ ...form, price: "0.50" })).toEqual({ ok: false, errors: { price: "Price is 0 (free) or between $1.00 and $1,000.00." } });
    expect(validateDetailsForm({ ...form, price: "1000.01" }).ok).toBe(false);
    expect(validateDetailsForm({ ...form, price: "ten" })).toEqual({ ok: false, errors: { price: "Enter a price such as 0, 4.99 or 25." } });
  });

  it("keeps tags distinct and lowercase, at most 10", () => {
    expect(tagsFromText(form.tags)).toEqual(["seo", "blog posts"]);
    const result = validateDetailsForm(form);
    expect(result.ok && result.details.tags).toEqual(["seo", "blog posts"]);
    const eleven = Array.from({ length: 11 }, (_, i) => `tag${i}`).join(",");
    expect(validateDetailsForm({ ...form, tags: eleven })).toEqual({ ok: false, errors: { tags: "Up to 10 tags." } });
  });

  it("enforces title 5–120, summary ≤ 200, description ≤ 20,000 and a known category", () => {
    const errors = validateDetailsForm({ ...form, title: "Hey", summary: "x".repeat(201), description: "d".repeat(20_001), category: "nope" });
    expect(errors).toEqual({
      ok: false,
      errors: {
        title: "Give it a title of at least 5 characters.",
        summary: "The summary is at most 200 characters.",
        description: "The description is at most 20,000 characters.",
        category: "Pick a category.",
      },
    });
    expect(listingDetailsSchema.safeParse({ ...form, tags: [], priceCents: 0, title: "x".repeat(121) }).success).toBe(false);
  });
});

describe("JSON text", () => {
  it("locates common mistakes", () => {
    expect(parseJsonText('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonText("{'a': 1}")).toMatchObject({ ok: false, line: 1, column: 2, message: 'Expected a "quoted" property name, found “\'”.' });
    expect(parseJsonText('{\n"a": "unterminated\n}')).toMatchObject({ ok: false, line: 2 });
    expect(parseJsonText('{"a": 1} x')).toMatchObject({ ok: false, line: 1, column: 10 });
    expect(parseJsonText("")).toMatchObject({ ok: false, line: 1 });
  });
});
