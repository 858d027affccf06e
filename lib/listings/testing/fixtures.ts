// Listing editor fixtures: listing details and ready-to-submit content drafts for each kind. People come from lib/testing/fixtures.ts.
import type { ContentDraft, PromptDraft } from "../content-draft";
import type { Kind } from "../kinds";

export const DETAILS = {
  title: "Crisp product descriptions",
  summary: "Turns bullet points into product copy.",
  description: "## What it does\n\nWrites **great** copy.",
  category: "writing" as const,
  tags: ["copywriting", "ecommerce"],
  priceCents: 900,
};

/** Draft content that passes its kind's schema once submitted. */
export function validDraft(kind: Kind, fileId: string | null = null): ContentDraft {
  switch (kind) {
    case "prompt":
      return {
        kind,
        template: "Write a description of {{product}} for {{audience}}.",
        variables: [
          { name: "product", description: "What you sell", example: "a desk lamp" },
          { name: "audience", description: "Who buys it", example: "students" },
        ],
        targetModel: "GPT-4o",
        exampleOutputs: [{ input: "desk lamp", output: "A lamp that keeps up with you.", imageId: null }],
      };
    case "preset":
      return { kind, tool: "Lightroom", settingsText: '{\n  "exposure": 0.3,\n  "contrast": 12\n}', notes: "" };
    case "template":
      return { kind, bodyText: '{\n  "name": "",\n  "sections": ["intro", "body"]\n}', notes: "Fill in the name." };
    case "test":
      return {
        kind,
        passMark: 50,
        timeLimitMinutes: null,
        questions: [
          { id: "q1", question: "2 + 2?", choices: ["3", "4"], correctIndex: 1, explanation: "Arithmetic." },
          { id: "q2", question: "Capital of France?", choices: ["Paris", "Rome", "Oslo"], correctIndex: 0, explanation: "" },
        ],
      };
    case "model":
      return {
        kind,
        baseModel: "Llama 3 8B",
        license: "Apache-2.0",
        format: "safetensors",
        fileId,
        fileName: "",
        fileSizeBytes: 0,
        sha256: "",
        usage: "Load it.",
      };
  }
}

/** A valid prompt draft with some fields changed. */
export function promptDraft(changes: Partial<Omit<PromptDraft, "kind">> = {}): PromptDraft {
  return { ...(validDraft("prompt") as PromptDraft), ...changes };
}
