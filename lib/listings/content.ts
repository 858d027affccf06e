// The paid part of a listing version, one zod schema per kind (ARCHITECTURE.md, "Listings and versions"), shared by editor, seed and delivery.
import { z } from "zod";
import { uuidSchema } from "@/lib/uuid";

const text = (max: number) => z.string().trim().min(1).max(max);

export const promptVariableSchema = z.object({
  name: z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]{0,39}$/, "letters, digits and _ only"),
  description: z.string().trim().max(300).default(""),
  example: z.string().trim().max(300).default(""),
});

export const promptContentSchema = z
  .object({
    kind: z.literal("prompt"),
    template: text(20000),
    variables: z.array(promptVariableSchema).max(30).default([]),
    targetModel: text(80),
    exampleOutputs: z
      .array(z.object({ input: z.string().max(2000).default(""), output: text(8000), imageId: uuidSchema().optional() }))
      .max(10)
      .default([]),
  })
  .superRefine((content, ctx) => {
    const used = new Set(templateVariables(content.template));
    const documented = new Set(content.variables.map((v) => v.name));
    for (const name of used) {
      if (!documented.has(name)) {
        ctx.addIssue({ code: "custom", path: ["variables"], message: `variable {{${name}}} is used in the template but not documented` });
      }
    }
    for (const name of documented) {
      if (!used.has(name)) {
        ctx.addIssue({ code: "custom", path: ["variables"], message: `variable ${name} is documented but not used in the template` });
      }
    }
  });

export const presetContentSchema = z.object({
  kind: z.literal("preset"),
  tool: text(80),
  settings: z.record(z.string(), z.json()),
  notes: z.string().max(4000).default(""),
});

export const templateContentSchema = z.object({
  kind: z.literal("template"),
  format: z.enum(["json"]).default("json"),
  body: z.json(),
  notes: z.string().max(4000).default(""),
});

export const testQuestionSchema = z
  .object({
    id: z.string().min(1).max(40),
    question: text(2000),
    choices: z.array(text(500)).min(2).max(8),
    correctIndex: z.number().int().min(0),
    explanation: z.string().trim().max(4000).default(""),
  })
  .refine((q) => q.correctIndex < q.choices.length, { message: "the correct answer must be one of the choices", path: ["correctIndex"] });

export const testContentSchema = z
  .object({
    kind: z.literal("test"),
    questions: z.array(testQuestionSchema).min(1).max(200),
    // Percentage of correct answers needed to pass.
    passMark: z.number().int().min(1).max(100),
    timeLimitMinutes: z.number().int().min(1).max(600).optional(),
  })
  .refine((t) => new Set(t.questions.map((q) => q.id)).size === t.questions.length, {
    message: "question ids must be unique",
    path: ["questions"],
  });

export const modelContentSchema = z.object({
  kind: z.literal("model"),
  baseModel: text(120),
  // A free-text license note from before licenses were structured (lib/licenses); kept readable, no longer asked for.
  license: z.string().trim().max(120).default(""),
  format: text(40),
  fileId: uuidSchema().nullable(),
  fileName: z.string().max(255).default(""),
  fileSizeBytes: z.number().int().min(0).default(0),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .or(z.literal(""))
    .default(""),
  usage: z.string().max(8000).default(""),
});

export const listingContentSchema = z.discriminatedUnion("kind", [
  promptContentSchema,
  presetContentSchema,
  templateContentSchema,
  testContentSchema,
  modelContentSchema,
]);

export type PromptContent = z.infer<typeof promptContentSchema>;
export type PresetContent = z.infer<typeof presetContentSchema>;
export type TemplateContent = z.infer<typeof templateContentSchema>;
export type TestContent = z.infer<typeof testContentSchema>;
export type ModelContent = z.infer<typeof modelContentSchema>;
export type ListingContent = z.infer<typeof listingContentSchema>;

/** Distinct `{{variable}}` names in a prompt template, in order of first use. */
export function templateVariables(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(/\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g)) {
    if (!names.includes(match[1])) names.push(match[1]);
  }
  return names;
}
