// Vocabulary of seeded prompt listings, one topic per category: subjects, styles, audiences, variables, outputs. The
// words are data (prompt-topics.json: shared model lists and variables by name, then the topics); this file types them.
import { CATEGORY_SLUGS, type CategorySlug } from "@/lib/catalog/categories";
import data from "./prompt-topics.json";
import type { PromptVariable } from "./types";

export type PromptTopic = {
  category: CategorySlug;
  /** Image prompts render a comma-separated scene description; text prompts a role + task + inputs brief. */
  medium: "image" | "text";
  subjects: readonly string[];
  flavors: readonly string[];
  audiences: readonly string[];
  models: readonly string[];
  role: string;
  variables: readonly PromptVariable[];
  outputs: readonly string[];
  tags: readonly string[];
};

const VARIABLES: Record<string, { description: string; examples: string[] }> = data.variables;
const MODELS: Record<string, string[]> = data.models;

function variable(name: string): PromptVariable {
  const v = VARIABLES[name];
  if (!v) throw new Error(`prompt-topics.json: unknown variable ${name}`);
  return { name, ...v };
}

export const PROMPT_TOPICS: readonly PromptTopic[] = data.topics.map((topic) => {
  const category = CATEGORY_SLUGS.find((slug) => slug === topic.category);
  if (!category) throw new Error(`prompt-topics.json: unknown category ${topic.category}`);
  return {
    ...topic,
    category,
    medium: topic.medium === "image" ? "image" : "text",
    models: typeof topic.models === "string" ? MODELS[topic.models] : topic.models,
    variables: topic.variables.map(variable),
  };
});
