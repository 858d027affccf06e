// Listing kinds and their human labels.
export const LISTING_KINDS = ["prompt", "preset", "template", "test", "model"] as const;
export type Kind = (typeof LISTING_KINDS)[number];

export const KIND_LABELS: Record<Kind, string> = {
  prompt: "Prompt",
  preset: "Preset",
  template: "Template",
  test: "Online test",
  model: "Model file",
};
