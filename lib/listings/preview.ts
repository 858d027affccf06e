// The public preview of a listing, derived from its content: enough to judge it, never the paid part.
import type { ListingContent } from "./content";
import { templateVariables } from "./content";

export type ListingPreview =
  | { kind: "prompt"; targetModel: string; variables: string[]; exampleOutputs: { input: string; output: string; imageId?: string }[] }
  | { kind: "preset"; tool: string; fields: string[] }
  | { kind: "template"; format: string; fields: string[] }
  | { kind: "test"; questionCount: number; passMark: number; sampleQuestion: { question: string; choices: string[] } | null }
  | { kind: "model"; baseModel: string; license: string; format: string; fileSizeBytes: number };

function fieldNames(value: unknown, prefix = "", out: string[] = []): string[] {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      const name = prefix ? `${prefix}.${key}` : key;
      out.push(name);
      if (out.length < 40) fieldNames(child, name, out);
    }
  }
  return out.slice(0, 40);
}

export function buildPreview(content: ListingContent): ListingPreview {
  switch (content.kind) {
    case "prompt":
      return {
        kind: "prompt",
        targetModel: content.targetModel,
        variables: templateVariables(content.template),
        exampleOutputs: content.exampleOutputs.slice(0, 4),
      };
    case "preset":
      return { kind: "preset", tool: content.tool, fields: fieldNames(content.settings) };
    case "template":
      return { kind: "template", format: content.format, fields: fieldNames(content.body) };
    case "test": {
      // The sample shows a question and its choices, never which one is correct.
      const sample = content.questions[0];
      return {
        kind: "test",
        questionCount: content.questions.length,
        passMark: content.passMark,
        sampleQuestion: sample ? { question: sample.question, choices: sample.choices } : null,
      };
    }
    case "model":
      return {
        kind: "model",
        baseModel: content.baseModel,
        license: content.license,
        format: content.format,
        fileSizeBytes: content.fileSizeBytes,
      };
  }
}
