// Seeded prompt listings: image prompts with scene variables and text prompts with a role, task and inputs.
import { inSentence, phraseTag, plural, withArticle } from "../listing-text";
import type { Random } from "../random";
import { PROMPT_TOPICS, type PromptTopic } from "./prompt-topics";
import type { ContentInput, ListingDraft, PromptVariable } from "./types";

const LIGHTING = [
  "soft window light",
  "dramatic chiaroscuro lighting",
  "golden hour backlight",
  "neon rim light",
  "overcast diffused light",
  "Rembrandt lighting",
  "volumetric god rays",
];
const LENSES = ["85mm f/1.4", "35mm documentary lens", "50mm prime", "24mm wide angle", "100mm macro", "anamorphic lens"];
const FINISHES = ["film grain", "ultra detailed", "high dynamic range", "subtle halation", "matte finish", "8k texture detail"];
const NEGATIVES = ["blurry", "extra fingers", "watermark", "oversaturated", "low contrast", "distorted hands", "text artifacts"];

const RENDER_NOTES = [
  "crisp detail and natural skin texture",
  "a soft, filmic highlight roll-off",
  "balanced composition with room for text",
  "rich shadows without crushed blacks",
  "consistent results across four seeds",
];

/** The tag a target model is searched by. */
const MODEL_TAGS: Record<string, string> = {
  "Midjourney v7": "midjourney",
  "DALL-E 3": "dall-e",
  "Stable Diffusion XL": "sdxl",
  "GPT-4o": "gpt-4o",
  "Llama 3": "llama",
  "Mistral Large": "mistral",
  "GitHub Copilot Chat": "copilot",
  "Runway Gen-3": "runway",
  "Character.AI": "character-ai",
  "ChatGPT Advanced Data Analysis": "chatgpt",
};

const PROMPT_CHANGES = [
  "Tightened the wording so results are more consistent across seeds.",
  "Added two new example outputs and documented every variable.",
  "Updated for the latest model release; removed parameters it no longer needs.",
  "Reworked the structure section after buyer feedback.",
  "Shorter template with the same results; fewer tokens per run.",
];

function imageTemplate(rng: Random, topic: PromptTopic, flavor: string, subject: string, model: string, variables: PromptVariable[]): string {
  const names = new Set(variables.map((variable) => variable.name));
  const parts = [`${flavor.toLowerCase()} ${subject.toLowerCase()} of {{subject}}`];
  if (names.has("setting")) parts.push("in {{setting}}");
  if (names.has("camera_angle")) parts.push("{{camera_angle}}");
  parts.push(rng.pick(LIGHTING), rng.pick(LENSES));
  if (names.has("mood")) parts.push("{{mood}} atmosphere");
  if (names.has("color_palette")) parts.push("{{color_palette}} color palette");
  parts.push(...rng.sample(FINISHES, 2));
  let template = parts.join(", ");
  const aspect = names.has("aspect_ratio") ? "{{aspect_ratio}}" : rng.pick(["2:3", "16:9", "4:5"]);
  if (model.startsWith("Midjourney")) template += ` --ar ${aspect} --style raw --stylize ${rng.pick([100, 250, 400, 650])}`;
  else if (model === "Stable Diffusion XL" || model === "Flux")
    template += `\nAspect ratio: ${aspect}\nNegative prompt: ${rng.sample(NEGATIVES, 4).join(", ")}`;
  else template += `. Aspect ratio ${aspect}.`;
  return template;
}

function textTemplate(rng: Random, topic: PromptTopic, subject: string, variables: PromptVariable[]): string {
  const inputs = variables.map((variable) => `- ${variable.description}: {{${variable.name}}}`).join("\n");
  const steps = rng.sample(
    [
      "Ask one clarifying question if anything essential is missing, then proceed.",
      "Start with a one-sentence summary of your approach.",
      "Use short paragraphs and descriptive headings.",
      "Give two alternative versions and say which you would choose and why.",
      "End with a checklist the reader can act on today.",
      "Flag any assumption you had to make.",
      "Keep jargon out unless the audience uses it daily.",
    ],
    3,
  );
  return [
    `You are ${topic.role}.`,
    `Task: produce a ${subject.toLowerCase()} using the inputs below.`,
    "",
    "Inputs:",
    inputs,
    "",
    "Instructions:",
    ...steps.map((step, index) => `${index + 1}. ${step}`),
    "",
    "Output only the finished result in Markdown.",
  ].join("\n");
}

const TITLE_ENDINGS = {
  image: [
    "",
    "",
    "",
    "",
    " (Tested on 200+ Generations)",
    " + Negative Prompts",
    " for Consistent Characters",
    " for Print-Ready Art",
    " with Style Variations",
  ],
  text: ["", "", "", "", " + Worked Examples", " (Step-by-Step)", " with Tone Controls", " in Five Minutes", " That Sounds Human"],
} as const;

function promptTitle(rng: Random, topic: PromptTopic, flavor: string, subject: string, model: string, audience: string): string {
  return fitTitle(baseTitle(rng, topic, flavor, subject, model, audience), rng.pick(TITLE_ENDINGS[topic.medium]));
}

/** Appends an ending only while the title stays short enough to read in a card. */
const fitTitle = (title: string, ending: string) => (title.length + ending.length <= 80 ? title + ending : title);

function baseTitle(rng: Random, topic: PromptTopic, flavor: string, subject: string, model: string, audience: string): string {
  if (topic.medium === "image") {
    return rng.weighted<string>([
      [`${flavor} ${subject} Prompt for ${model}`, 4],
      [`${flavor} ${subject} Prompt Template for ${model}`, 2],
      [`${subject} Prompts for ${model}: ${flavor} Style`, 2],
      [`${flavor} ${subject} for ${audience.replace(/^\w/, (c) => c.toUpperCase())}`, 1],
    ]);
  }
  return rng.weighted<string>([
    [`${subject} Prompt for ${audience}`, 4],
    [`${flavor} ${subject} Prompt for ${model}`, 3],
    [`${subject} Prompt Kit for ${audience} (${model})`, 1],
    [`The ${flavor} ${subject}: ${model} Prompt`, 1],
  ]);
}

export function generatePrompt(rng: Random): ListingDraft {
  const topic = rng.pick(PROMPT_TOPICS);
  const subject = rng.pick(topic.subjects);
  const flavor = rng.pick(topic.flavors);
  const model = rng.pick(topic.models);
  const audience = rng.pick(topic.audiences);
  const title = promptTitle(rng, topic, flavor, subject, model, audience);
  const required = topic.medium === "image" ? topic.variables.filter((variable) => variable.name === "subject") : [];
  const optional = topic.variables.filter((variable) => !required.includes(variable));
  const variables = [...required, ...rng.sample(optional, rng.int(1, Math.min(3, optional.length)))];
  const template = topic.medium === "image" ? imageTemplate(rng, topic, flavor, subject, model, variables) : textTemplate(rng, topic, subject, variables);
  const outputs = rng.sample(topic.outputs, rng.int(1, Math.min(3, topic.outputs.length)));

  const exampleFor = (output: string, seed: number) => {
    const values = new Map(variables.map((variable) => [variable.name, variable.examples[(seed + variable.name.length) % variable.examples.length]]));
    const input = [...values].map(([name, value]) => `${name}: ${value}`).join("; ");
    if (topic.medium === "text") return { input, output };
    // Image prompts describe the picture they produced from these inputs.
    const setting = values.has("setting") ? ` in ${values.get("setting")}` : "";
    const mood = values.has("mood") ? `, ${values.get("mood")} mood` : "";
    return { input, output: `${flavor} ${subject.toLowerCase()} of ${values.get("subject") ?? "the subject"}${setting}${mood}; ${rng.pick(RENDER_NOTES)}.` };
  };

  const contentFor = (version: number): ContentInput => ({
    kind: "prompt",
    template:
      version > 1
        ? `${template}\n\n# v${version}: ${rng.pick(["keep the composition balanced", "prefer concrete details over adjectives", "stay within the requested length"])}`
        : template,
    variables: variables.map((variable) => ({ name: variable.name, description: variable.description, example: variable.examples[0] })),
    targetModel: model,
    exampleOutputs: outputs.slice(0, Math.min(outputs.length + version - 1, 10)).map((output, index) => exampleFor(output, index + version)),
  });

  const summary =
    topic.medium === "image"
      ? `${withArticle(inSentence(flavor))} ${inSentence(subject)} prompt for ${model} with ${plural(variables.length, "fill-in variable")} and tested example outputs.`
      : `A reusable ${inSentence(subject)} prompt for ${inSentence(audience)}: paste it into ${model}, fill ${plural(variables.length, "input")}, get a polished first draft.`;

  return {
    category: topic.category,
    title,
    summary,
    tags: [phraseTag(flavor), ...subject.toLowerCase().split(/\s+/), MODEL_TAGS[model] ?? phraseTag(model), ...rng.sample(topic.tags, 4), "prompt"],
    highlights: [
      `The full prompt template, ready for ${model}`,
      `${variables.length} documented variables: ${variables.map((variable) => `\`${variable.name}\``).join(", ")}`,
      `${plural(outputs.length, "example output")} so you know what to expect`,
      topic.medium === "image"
        ? `Lighting and lens keywords tuned for ${inSentence(flavor)} results`
        : `A structure that keeps the answer focused on ${inSentence(audience)}`,
    ],
    steps: [
      "Copy the template from your library.",
      `Replace each \`{{variable}}\` with your own details (examples are included).`,
      `Run it in ${model}; regenerate two or three times and keep the best result.`,
    ],
    contentFor,
    changelogFor: () => rng.pick(PROMPT_CHANGES),
  };
}
