// Seeded model-file listings: LoRAs and fine-tunes with a base model, license, format and file metadata (no bytes).
import type { CategorySlug } from "@/lib/catalog/categories";
import type { Random } from "../random";
import type { ListingDraft } from "./types";

type ModelFamily = {
  baseModels: readonly string[];
  license: (base: string) => string;
  formats: readonly (readonly [format: string, extension: string, minMb: number, maxMb: number])[];
  uses: readonly (readonly [use: string, category: CategorySlug])[];
  noun: string;
  tags: readonly string[];
  usage: (base: string, file: string) => string;
};

const IMAGE_LICENSE = (base: string) => (base.startsWith("Flux") ? "FLUX.1 [dev] Non-Commercial License" : "CreativeML Open RAIL++-M");
const LLM_LICENSE = (base: string) =>
  base.startsWith("Llama") ? "Llama 3 Community License" : base.startsWith("Gemma") ? "Gemma Terms of Use" : "Apache-2.0";

const FAMILIES: readonly ModelFamily[] = [
  {
    baseModels: ["SDXL 1.0", "Flux.1 Dev", "Stable Diffusion 1.5", "Pony Diffusion XL"],
    license: IMAGE_LICENSE,
    formats: [["LoRA (safetensors)", "safetensors", 18, 230]],
    uses: [
      ["Cinematic Portrait", "image-generation"],
      ["Watercolor Illustration", "image-generation"],
      ["Isometric Game Asset", "image-generation"],
      ["Product Photography", "photography"],
      ["Analog Film Photo", "photography"],
      ["Architectural Visualization", "image-generation"],
      ["Pixel Art", "image-generation"],
      ["Vintage Comic Book", "image-generation"],
    ],
    noun: "LoRA",
    tags: ["lora", "stable-diffusion", "sdxl", "flux", "model", "fine-tune"],
    usage: (base, file) => `Place \`${file}\` in \`models/loras\`, load it on ${base} at weight 0.6–0.9 and add the trigger word to your prompt.`,
  },
  {
    baseModels: ["Llama 3 8B", "Llama 3.1 8B", "Mistral 7B", "Qwen2.5 7B", "Gemma 2 9B", "Phi-3 Mini"],
    license: LLM_LICENSE,
    formats: [
      ["PEFT LoRA adapter", "safetensors", 40, 320],
      ["GGUF Q4_K_M", "gguf", 2300, 5600],
      ["GGUF Q8_0", "gguf", 4200, 9800],
    ],
    uses: [
      ["Legal Summaries", "business"],
      ["Customer Support Replies", "business"],
      ["SQL Generation", "data-analysis"],
      ["Code Review Comments", "coding"],
      ["Marketing Copy", "marketing"],
      ["Fantasy Role-Play", "role-play"],
      ["Socratic Math Tutoring", "education"],
      ["Long-Form Fiction", "writing"],
      ["Meeting Notes to Action Items", "productivity"],
      ["Medical Note De-identification", "data-analysis"],
    ],
    noun: "Fine-Tune",
    tags: ["llm", "fine-tune", "gguf", "lora", "llama", "model", "local-ai"],
    usage: (base, file) => `Run \`${file}\` with llama.cpp, Ollama or LM Studio (base: ${base}). Recommended: temperature 0.7, context 8192.`,
  },
  {
    baseModels: ["Whisper Small", "Whisper Large v3", "RVC v2", "XTTS v2"],
    license: (base) => (base.startsWith("XTTS") ? "Coqui Public Model License" : "MIT"),
    formats: [
      ["PyTorch checkpoint", "pth", 55, 480],
      ["ONNX", "onnx", 90, 1500],
    ],
    uses: [
      ["Podcast Transcription", "audio"],
      ["Warm Narrator Voice", "audio"],
      ["Accented English Transcription", "audio"],
      ["Video Subtitle Timing", "video"],
    ],
    noun: "Audio Model",
    tags: ["audio", "voice", "whisper", "speech", "model", "tts"],
    usage: (base, file) => `Load \`${file}\` in your ${base} pipeline; a sample inference script is included in the usage notes.`,
  },
  {
    baseModels: ["AnimateDiff v3", "Stable Video Diffusion", "CogVideoX 5B"],
    license: () => "CreativeML Open RAIL-M",
    formats: [["Motion LoRA (safetensors)", "safetensors", 70, 400]],
    uses: [
      ["Smooth Camera Dolly", "video"],
      ["Anime Motion", "video"],
      ["Product Turntable", "video"],
    ],
    noun: "Motion Model",
    tags: ["video", "animatediff", "motion", "lora", "model"],
    usage: (base, file) => `Add \`${file}\` to your ${base} motion modules and keep clip length at 16–24 frames for best results.`,
  },
];

const CHANGES = ["Retrained on a larger, cleaner dataset.", "Smaller file, same quality (better quantization).", "Fixed over-saturated colours at high weights.", "New checkpoint with fewer artifacts in hands and text.", "Improved instruction following on long inputs."];

const fileStem = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");

export function generateModel(rng: Random): ListingDraft {
  const family = rng.pick(FAMILIES);
  const base = rng.pick(family.baseModels);
  const [use, category] = rng.pick(family.uses);
  const [format, extension, minMb, maxMb] = rng.pick(family.formats);
  const license = family.license(base);
  const title = rng.weighted<string>([
    [`${base} ${family.noun} for ${use}`, 4],
    [`${use} ${family.noun} (${base})`, 2],
    [`${use} – ${base} ${format}`, 1],
  ]);
  const fileFor = (version: number) => {
    const fileName = `${fileStem(use)}_${fileStem(base)}_v${version}.${extension}`;
    return { fileName, fileSizeBytes: Math.round((minMb + rng.next() * (maxMb - minMb)) * 1024 * 1024), sha256: rng.hex(64) };
  };
  return {
    category,
    title,
    summary: `A ${format} ${family.noun.toLowerCase()} of ${base} specialised in ${use.toLowerCase()}. License: ${license}.`,
    tags: [...use.toLowerCase().split(/\W+/), ...family.tags, ...base.toLowerCase().split(/\W+/).slice(0, 1)],
    highlights: [
      `${format} weights for ${base}`,
      `Trained for ${use.toLowerCase()}; sample outputs in the preview`,
      `License: ${license}`,
      "SHA-256 checksum published with every version",
    ],
    steps: ["Download the file from your library.", family.usage(base, "the file"), "Start from the recommended settings and adjust."],
    contentFor: (version) => {
      const file = fileFor(version);
      return {
        kind: "model",
        baseModel: base,
        license,
        format,
        fileId: null,
        ...file,
        usage: family.usage(base, file.fileName),
      };
    },
    changelogFor: () => rng.pick(CHANGES),
  };
}
