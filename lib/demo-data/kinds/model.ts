// Seeded model-file listings: LoRAs and fine-tunes with a base model, license, format and file metadata (no bytes).
import type { CategorySlug } from "@/lib/catalog/categories";
import { inSentence, withArticle } from "../listing-text";
import type { Random } from "../random";
import type { ListingDraft } from "./types";

type ModelFamily = {
  /** How common this family is among model listings. */
  weight: number;
  /** Base model and the tag it is searched by. */
  baseModels: readonly (readonly [base: string, tag: string])[];
  license: (base: string) => string;
  formats: readonly (readonly [format: string, extension: string, minMb: number, maxMb: number])[];
  uses: readonly (readonly [use: string, category: CategorySlug])[];
  noun: string;
  /** What the use is about: "style", "images", "" … ("Vintage Comic Book style LoRA"). */
  useSuffix: string;
  tags: readonly string[];
  usage: (base: string, file: string) => string;
};

const IMAGE_LICENSE = (base: string) => (base.startsWith("Flux") ? "FLUX.1 [dev] Non-Commercial License" : "CreativeML Open RAIL++-M");
const LLM_LICENSE = (base: string) =>
  base.startsWith("Llama") ? "Llama 3 Community License" : base.startsWith("Gemma") ? "Gemma Terms of Use" : base.startsWith("Phi") ? "MIT" : "Apache-2.0";

const FAMILIES: readonly ModelFamily[] = [
  {
    weight: 40,
    baseModels: [
      ["SDXL 1.0", "sdxl"],
      ["Flux.1 Dev", "flux"],
      ["Stable Diffusion 1.5", "sd15"],
      ["Pony Diffusion XL", "pony"],
    ],
    license: IMAGE_LICENSE,
    formats: [["safetensors", "safetensors", 18, 230]],
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
    useSuffix: "style",
    tags: ["lora", "stable-diffusion", "model", "fine-tune", "style"],
    usage: (base, file) => `Place ${file} in models/loras, load it on ${base} at weight 0.6–0.9 and add the trigger word to your prompt.`,
  },
  {
    weight: 35,
    baseModels: [
      ["Llama 3 8B", "llama"],
      ["Llama 3.1 8B", "llama"],
      ["Mistral 7B", "mistral"],
      ["Qwen2.5 7B", "qwen"],
      ["Gemma 2 9B", "gemma"],
      ["Phi-3 Mini", "phi-3"],
    ],
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
    useSuffix: "",
    tags: ["llm", "fine-tune", "local-ai", "model", "gguf"],
    usage: (base, file) => `Run ${file} with llama.cpp, Ollama or LM Studio (base: ${base}). Recommended: temperature 0.7, context 8192.`,
  },
  {
    weight: 8,
    baseModels: [
      ["Whisper Small", "whisper"],
      ["Whisper Large v3", "whisper"],
    ],
    license: () => "MIT",
    formats: [
      ["PyTorch checkpoint", "pt", 240, 3000],
      ["CTranslate2", "bin", 240, 3000],
    ],
    uses: [
      ["Podcast Transcription", "audio"],
      ["Accented English Transcription", "audio"],
      ["Video Subtitle Timing", "video"],
      ["Medical Dictation", "audio"],
    ],
    noun: "Speech Model",
    useSuffix: "",
    tags: ["whisper", "speech-to-text", "transcription", "audio", "model"],
    usage: (base, file) => `Load ${file} in your ${base} pipeline (openai-whisper or faster-whisper); a sample script is included.`,
  },
  {
    weight: 9,
    baseModels: [
      ["RVC v2", "rvc"],
      ["XTTS v2", "xtts"],
    ],
    license: (base) => (base.startsWith("XTTS") ? "Coqui Public Model License" : "MIT"),
    formats: [
      ["PyTorch checkpoint", "pth", 55, 480],
      ["ONNX", "onnx", 90, 600],
    ],
    uses: [
      ["Warm Narrator Voice", "audio"],
      ["Energetic Host Voice", "audio"],
      ["Calm Meditation Voice", "audio"],
      ["Trailer Voiceover", "video"],
    ],
    noun: "Voice Model",
    useSuffix: "",
    tags: ["voice", "tts", "voice-cloning", "audio", "model"],
    usage: (base, file) => `Load ${file} in ${base}; keep input text under 250 characters per call for the most natural delivery.`,
  },
  {
    weight: 8,
    baseModels: [
      ["AnimateDiff v3", "animatediff"],
      ["Stable Video Diffusion", "svd"],
      ["CogVideoX 5B", "cogvideox"],
    ],
    license: () => "CreativeML Open RAIL-M",
    formats: [["safetensors", "safetensors", 70, 400]],
    uses: [
      ["Smooth Camera Dolly", "video"],
      ["Anime Motion", "video"],
      ["Product Turntable", "video"],
    ],
    noun: "Motion LoRA",
    useSuffix: "",
    tags: ["video", "motion", "lora", "model", "animation"],
    usage: (base, file) => `Add ${file} to your ${base} motion modules and keep clips at 16–24 frames for best results.`,
  },
];

const CHANGES = [
  "Retrained on a larger, cleaner dataset.",
  "Smaller file, same quality (better quantization).",
  "Fixed over-saturated colours at high weights.",
  "New checkpoint with fewer artifacts in hands and text.",
  "Improved instruction following on long inputs.",
];

const fileStem = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");

export function generateModel(rng: Random): ListingDraft {
  const family = rng.weighted(FAMILIES.map((candidate) => [candidate, candidate.weight] as const));
  const [base, baseTag] = rng.pick(family.baseModels);
  const [use, category] = rng.pick(family.uses);
  const [format, extension, minMb, maxMb] = rng.pick(family.formats);
  const license = family.license(base);
  const useName = family.useSuffix ? `${use} ${family.useSuffix.replace(/^\w/, (c) => c.toUpperCase())}` : use;
  const title = rng.weighted<string>([
    [`${base} ${family.noun} for ${useName}`, 4],
    [`${useName} ${family.noun} (${base})`, 2],
    [`${use} – ${base} ${family.noun}, ${format}`, 1],
  ]);
  const fileFor = (version: number) => {
    const fileName = `${fileStem(use)}_${fileStem(base)}_v${version}.${extension}`;
    return { fileName, fileSizeBytes: Math.round((minMb + rng.next() * (maxMb - minMb)) * 1024 * 1024), sha256: rng.hex(64) };
  };
  const first = fileFor(1);
  return {
    category,
    title,
    summary: `${withArticle(inSentence(useName))} ${inSentence(family.noun)} for ${base}, shipped as ${format}. License: ${license}.`,
    tags: [...use.toLowerCase().split(/\s+/), baseTag, ...family.tags],
    highlights: [
      `${format} weights for ${base} (${(first.fileSizeBytes / 1024 / 1024).toFixed(0)} MB)`,
      `Trained for ${inSentence(use)}; sample outputs in the preview`,
      `License: ${license}`,
      "SHA-256 checksum published with every version",
    ],
    steps: [
      "Download the file from your library and check its SHA-256.",
      family.usage(base, first.fileName),
      "Start from the recommended settings and adjust.",
    ],
    contentFor: (version) => {
      const file = version === 1 ? first : fileFor(version);
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
