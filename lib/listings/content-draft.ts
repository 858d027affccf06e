// What the content editors hold while a creator types (a lenient "draft" per kind), and the conversion to and
// from the strict content schemas of content.ts. Draft versions store drafts, so half-typed work is never lost;
// submitting converts the draft and stores the validated ListingContent. Shared by browser and server.
import { z } from "zod";
import type { Kind } from "./kinds";
import { listingContentSchema, templateVariables, type ListingContent } from "./content";
import { parseJsonText } from "./json-text";
import { uuidSchema } from "@/lib/uuid";

// Drafts allow more than content does, so an over-long text is still saved and reported at submit.
const s = (max: number) => z.string().max(max).default("");

const promptDraftSchema = z.object({
  kind: z.literal("prompt"),
  template: s(40_000),
  variables: z
    .array(z.object({ name: s(60), description: s(1000), example: s(1000) }))
    .max(60)
    .default([]),
  targetModel: s(200),
  exampleOutputs: z
    .array(z.object({ input: s(4000), output: s(16_000), imageId: uuidSchema().nullish() }))
    .max(20)
    .default([]),
});

const presetDraftSchema = z.object({
  kind: z.literal("preset"),
  tool: s(200),
  settingsText: s(200_000),
  notes: s(8000),
});

const templateDraftSchema = z.object({
  kind: z.literal("template"),
  bodyText: s(400_000),
  notes: s(8000),
});

export const draftQuestionSchema = z.object({
  id: z.string().min(1).max(40),
  question: s(4000),
  choices: z.array(s(1000)).max(12).default([]),
  /** -1 until the creator marks the correct choice. */
  correctIndex: z.number().int().min(-1).max(11).default(-1),
  explanation: s(8000),
});

const testDraftSchema = z.object({
  kind: z.literal("test"),
  questions: z.array(draftQuestionSchema).max(300).default([]),
  passMark: z.number().int().min(0).max(100).default(70),
  timeLimitMinutes: z.number().int().min(0).max(600).nullable().default(null),
});

const modelDraftSchema = z.object({
  kind: z.literal("model"),
  baseModel: s(200),
  license: s(200),
  format: s(80),
  fileId: uuidSchema().nullable().default(null),
  fileName: s(255),
  fileSizeBytes: z.number().int().min(0).default(0),
  sha256: s(64),
  usage: s(16_000),
});

export const contentDraftSchema = z.discriminatedUnion("kind", [promptDraftSchema, presetDraftSchema, templateDraftSchema, testDraftSchema, modelDraftSchema]);

export type ContentDraft = z.infer<typeof contentDraftSchema>;
export type PromptDraft = z.infer<typeof promptDraftSchema>;
export type PresetDraft = z.infer<typeof presetDraftSchema>;
export type TemplateDraft = z.infer<typeof templateDraftSchema>;
export type TestDraft = z.infer<typeof testDraftSchema>;
export type DraftQuestion = z.infer<typeof draftQuestionSchema>;
export type ModelDraft = z.infer<typeof modelDraftSchema>;

/** One problem in a draft: a dotted path into the draft ("questions.2.choices"), a message, a line for JSON. */
export type ContentIssue = { path: string; message: string; line?: number; column?: number };

export function emptyDraft(kind: Kind): ContentDraft {
  switch (kind) {
    case "prompt":
      return { kind, template: "", variables: [], targetModel: "", exampleOutputs: [] };
    case "preset":
      return { kind, tool: "", settingsText: "{\n  \n}", notes: "" };
    case "template":
      return { kind, bodyText: "{\n  \n}", notes: "" };
    case "test":
      return { kind, questions: [], passMark: 70, timeLimitMinutes: null };
    case "model":
      return { kind, baseModel: "", license: "", format: "", fileId: null, fileName: "", fileSizeBytes: 0, sha256: "", usage: "" };
  }
}

/** The draft an editor starts from when a creator edits approved content (a new version). */
export function contentToDraft(content: ListingContent): ContentDraft {
  switch (content.kind) {
    case "prompt":
      return {
        ...content,
        exampleOutputs: content.exampleOutputs.map((e) => ({ input: e.input, output: e.output, imageId: e.imageId ?? null })),
      };
    case "preset":
      return { kind: "preset", tool: content.tool, settingsText: JSON.stringify(content.settings, null, 2), notes: content.notes };
    case "template":
      return { kind: "template", bodyText: JSON.stringify(content.body, null, 2), notes: content.notes };
    case "test":
      return {
        kind: "test",
        questions: content.questions.map((q) => ({ ...q })),
        passMark: content.passMark,
        timeLimitMinutes: content.timeLimitMinutes ?? null,
      };
    case "model":
      return { ...content };
  }
}

/** Reads stored draft or content JSON as a draft of `kind` (falls back to an empty draft if unreadable). */
export function readDraft(kind: Kind, stored: unknown): ContentDraft {
  const asContent = listingContentSchema.safeParse(stored);
  if (asContent.success && asContent.data.kind === kind && !isDraftShaped(stored)) return contentToDraft(asContent.data);
  const asDraft = contentDraftSchema.safeParse(stored);
  if (asDraft.success && asDraft.data.kind === kind) return asDraft.data;
  return emptyDraft(kind);
}

function isDraftShaped(stored: unknown): boolean {
  return typeof stored === "object" && stored !== null && ("settingsText" in stored || "bodyText" in stored);
}

/** The prompt's variable docs in template order, keeping what was written for names still used. */
export function syncPromptVariables(draft: PromptDraft): PromptDraft["variables"] {
  const names = templateVariables(draft.template);
  return names.map((name) => draft.variables.find((v) => v.name === name) ?? { name, description: "", example: "" });
}

const FIELD_LABELS: Record<string, string> = {
  template: "The prompt template",
  targetModel: "The target model",
  variables: "Variables",
  name: "A variable name",
  output: "An example output",
  input: "An example input",
  tool: "The tool",
  settings: "Settings",
  notes: "Notes",
  body: "The template body",
  questions: "Questions",
  question: "A question's text",
  choices: "A question's choices",
  explanation: "An explanation",
  passMark: "The pass mark",
  timeLimitMinutes: "The time limit",
  baseModel: "The base model",
  license: "The license",
  format: "The format",
  usage: "Usage notes",
};

/** A message a creator understands for a strict-schema issue ("The target model is required."). */
function friendlyMessage(issue: z.core.$ZodIssue): string {
  const named = [...issue.path].reverse().find((p): p is string => typeof p === "string");
  const questionIndex = issue.path[0] === "questions" && typeof issue.path[1] === "number" ? issue.path[1] : null;
  const where = questionIndex !== null ? `Question ${questionIndex + 1}: ` : "";
  const label = (named && FIELD_LABELS[named]) ?? "This field";
  if (issue.code === "too_small") {
    if (issue.origin === "string") return `${where}${label} is required.`;
    if (issue.origin === "array") return `${where}${label}: add at least ${String(issue.minimum)}.`;
    return `${where}${label} must be at least ${String(issue.minimum)}.`;
  }
  if (issue.code === "too_big") {
    if (issue.origin === "string") return `${where}${label} is too long (${Number(issue.maximum).toLocaleString("en-US")} characters at most).`;
    if (issue.origin === "array") return `${where}${label}: ${String(issue.maximum)} at most.`;
    return `${where}${label} must be at most ${String(issue.maximum)}.`;
  }
  if (issue.code === "custom" || issue.code === "invalid_format") return `${where}${issue.message}`;
  return `${where}${label}: ${issue.message}`;
}

function zodIssues(error: z.ZodError, prefix = ""): ContentIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join("."),
    message: friendlyMessage(issue),
  }));
}

/**
 * A draft → the strict content for submission, or every problem found. JSON text fields report the line
 * and column of a syntax error; test questions' unset answers say which question.
 */
export function draftToContent(draft: ContentDraft): { ok: true; content: ListingContent } | { ok: false; issues: ContentIssue[] } {
  let candidate: unknown;
  const issues: ContentIssue[] = [];
  switch (draft.kind) {
    case "prompt":
      candidate = {
        ...draft,
        exampleOutputs: draft.exampleOutputs.map((e) => ({ input: e.input, output: e.output, ...(e.imageId ? { imageId: e.imageId } : {}) })),
      };
      break;
    case "preset": {
      const parsed = parseJsonText(draft.settingsText);
      if (!parsed.ok) {
        issues.push({ path: "settings", message: parsed.message, line: parsed.line, column: parsed.column });
      } else if (!parsed.value || typeof parsed.value !== "object" || Array.isArray(parsed.value)) {
        issues.push({ path: "settings", message: 'Settings must be a JSON object: { "name": value, … }.', line: 1, column: 1 });
      } else if (Object.keys(parsed.value).length === 0) {
        issues.push({ path: "settings", message: "Add at least one setting.", line: 1, column: 1 });
      }
      candidate = { kind: "preset", tool: draft.tool, settings: parsed.ok ? parsed.value : {}, notes: draft.notes };
      break;
    }
    case "template": {
      const parsed = parseJsonText(draft.bodyText);
      if (!parsed.ok) issues.push({ path: "body", message: parsed.message, line: parsed.line, column: parsed.column });
      else if (isEmptyJson(parsed.value)) issues.push({ path: "body", message: "The template body is empty: add its fields.", line: 1, column: 1 });
      candidate = { kind: "template", format: "json", body: parsed.ok ? parsed.value : null, notes: draft.notes };
      break;
    }
    case "test":
      draft.questions.forEach((q, index) => {
        if (q.correctIndex < 0) issues.push({ path: `questions.${index}.correctIndex`, message: `Question ${index + 1}: mark the correct answer.` });
      });
      candidate = {
        kind: "test",
        questions: draft.questions,
        passMark: draft.passMark,
        ...(draft.timeLimitMinutes ? { timeLimitMinutes: draft.timeLimitMinutes } : {}),
      };
      break;
    case "model":
      candidate = { ...draft };
      if (!draft.fileId) issues.push({ path: "fileId", message: "Upload the model file." });
      break;
  }
  const result = listingContentSchema.safeParse(candidate);
  if (!result.success) {
    const own = [...issues];
    for (const issue of zodIssues(result.error)) {
      // Problems found above (JSON syntax with its position, unmarked answers) are not repeated.
      if (own.some((i) => i.path === issue.path || (i.line && issue.path.startsWith(i.path)))) continue;
      issues.push(issue);
    }
  }
  if (issues.length || !result.success) return { ok: false, issues };
  return { ok: true, content: result.data };
}

function isEmptyJson(value: unknown): boolean {
  if (value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === "object" && Object.keys(value).length === 0;
}

/** Image ids a draft or content refers to (prompt example outputs), to check they belong to the creator. */
export function referencedImageIds(content: ContentDraft | ListingContent): string[] {
  if (content.kind !== "prompt") return [];
  return content.exampleOutputs.map((e) => e.imageId).filter((id): id is string => Boolean(id));
}
