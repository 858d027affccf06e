// Seeded preset listings: tool settings (Lightroom, Midjourney, Stable Diffusion, Resolve, ElevenLabs, LLM samplers…).
import type { CategorySlug } from "@/lib/catalog/categories";
import { phraseTag, plural } from "../listing-text";
import type { Random } from "../random";
import type { ListingDraft } from "./types";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Settings = { [key: string]: Json };

type PresetTool = {
  tool: string;
  categories: readonly CategorySlug[];
  looks: readonly string[];
  noun: string;
  /** How many variations a pack of this tool's presets usually has (1 = a single preset). */
  packSizes: readonly number[];
  tags: readonly string[];
  settings: (rng: Random, look: string) => Settings;
};

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

const TOOLS: readonly PresetTool[] = [
  {
    tool: "Adobe Lightroom Classic",
    packSizes: [1, 5, 8, 10, 12, 15, 20],
    categories: ["photography", "photography", "image-generation"],
    looks: [
      "Kodak Portra 400 Film",
      "Moody Forest",
      "Clean Wedding",
      "Cinematic Teal and Orange",
      "Golden Hour Glow",
      "Matte Black and White",
      "Desert Warm",
      "Nordic Winter",
      "Fujifilm Classic Chrome",
      "Airy Pastel Portrait",
      "Urban Street Grit",
      "Autumn Harvest",
      "Tropical Travel",
      "Newborn Soft Skin",
      "Cinematic Night City",
      "Vintage Polaroid",
    ],
    noun: "Lightroom Presets",
    tags: ["lightroom", "presets", "photo", "editing", "film", "color-grading"],
    settings: (rng) => ({
      exposure: round(rng.next() * 1.2 - 0.4),
      contrast: rng.int(-30, 40),
      highlights: rng.int(-80, -10),
      shadows: rng.int(5, 60),
      whites: rng.int(-20, 30),
      blacks: rng.int(-40, 10),
      temperature: rng.int(-15, 25),
      tint: rng.int(-10, 12),
      vibrance: rng.int(-10, 30),
      saturation: rng.int(-40, 10),
      toneCurve: [0, rng.int(8, 30), 64, rng.int(60, 70), 128, rng.int(124, 134), 255, rng.int(230, 250)],
      hsl: {
        orange: { hue: rng.int(-10, 10), saturation: rng.int(-20, 10), luminance: rng.int(0, 20) },
        blue: { hue: rng.int(-20, 5), saturation: rng.int(-50, 0), luminance: rng.int(-20, 5) },
      },
      grain: { amount: rng.int(0, 40), size: rng.int(15, 35), roughness: 50 },
    }),
  },
  {
    tool: "Midjourney",
    packSizes: [1, 1, 3, 5],
    categories: ["image-generation"],
    looks: [
      "Cinematic Portrait",
      "Dreamy Pastel",
      "Dark Fantasy",
      "Editorial Fashion",
      "Isometric Diorama",
      "Vintage Anime",
      "Architectural Minimalism",
      "Retro Sci-Fi Paperback",
      "Ukiyo-e Woodblock",
      "Claymation Toy",
      "Moody Film Noir",
      "Botanical Ink",
    ],
    noun: "Midjourney Style Preset",
    tags: ["midjourney", "style", "sref", "cinematic", "aesthetic"],
    settings: (rng) => ({
      version: rng.pick(["6.1", "7"]),
      stylize: rng.pick([100, 250, 400, 650, 800]),
      chaos: rng.int(0, 25),
      weird: rng.pick([0, 0, 50, 250]),
      aspectRatio: rng.pick(["2:3", "3:2", "16:9", "4:5"]),
      styleRaw: rng.chance(0.6),
      styleReference: `--sref ${rng.int(100000000, 999999999)}`,
      styleWeight: rng.pick([100, 200, 350]),
      keywords: rng.sample(["film still", "anamorphic", "soft bloom", "muted palette", "high contrast", "pastel haze", "chiaroscuro"], 3),
    }),
  },
  {
    tool: "Stable Diffusion XL (ComfyUI)",
    packSizes: [1, 1, 3],
    categories: ["image-generation", "video"],
    looks: [
      "Photoreal Portrait",
      "Anime Cel Shading",
      "Cinematic Lighting",
      "Product Render",
      "Watercolor",
      "Cyberpunk Neon",
      "Fantasy Concept Art",
      "Interior Design Render",
      "Low-Poly Game Asset",
      "Food Styling",
    ],
    noun: "ComfyUI Workflow Preset",
    tags: ["stable-diffusion", "sdxl", "comfyui", "workflow", "sampler"],
    settings: (rng) => ({
      checkpoint: rng.pick(["sd_xl_base_1.0.safetensors", "juggernautXL_v9.safetensors", "animagineXL_v31.safetensors"]),
      sampler: rng.pick(["dpmpp_2m", "euler_ancestral", "dpmpp_sde"]),
      scheduler: rng.pick(["karras", "normal", "exponential"]),
      steps: rng.pick([24, 28, 30, 35, 40]),
      cfg: rng.pick([4.5, 5.5, 6, 7, 7.5]),
      width: 832,
      height: 1216,
      hiresFix: { upscaler: "4x-UltraSharp", scale: 1.5, denoise: round(0.3 + rng.next() * 0.2) },
      negativePrompt: "lowres, blurry, watermark, jpeg artifacts, extra limbs",
      loras: [rng.pick(["add_detail", "film_grain_xl", "cinematic_lighting"])],
    }),
  },
  {
    tool: "DaVinci Resolve",
    packSizes: [1, 3, 5, 8],
    categories: ["video", "photography"],
    looks: [
      "Blockbuster Teal and Orange",
      "Kodak 2383 Print Film",
      "Bleach Bypass",
      "Soft Pastel Vlog",
      "Night City Neon",
      "Documentary Natural",
      "Music Video Pop",
      "Wedding Film Warmth",
      "Desert Western",
      "Horror Cold Green",
    ],
    noun: "DaVinci Resolve Color Grade",
    tags: ["davinci-resolve", "color-grading", "lut", "video", "cinematic"],
    settings: (rng) => ({
      colorSpace: "DaVinci Wide Gamut / Intermediate",
      nodes: {
        balance: { lift: round(rng.next() * 0.04 - 0.02, 3), gamma: round(rng.next() * 0.06 - 0.03, 3), gain: round(1 + rng.next() * 0.08, 3) },
        look: { saturation: rng.int(40, 60), contrast: round(1 + rng.next() * 0.2, 2), pivot: 0.435 },
        filmEmulation: { lut: rng.pick(["Kodak2383_D65.cube", "FujiEterna_Rec709.cube"]), keyOutputGain: round(0.5 + rng.next() * 0.5) },
      },
      grain: { size: round(0.6 + rng.next() * 0.6), strength: rng.int(10, 35) },
    }),
  },
  {
    tool: "ElevenLabs",
    packSizes: [1, 1, 3],
    categories: ["audio", "video"],
    looks: [
      "Warm Audiobook Narrator",
      "Energetic Podcast Host",
      "Calm Meditation Guide",
      "Documentary Voiceover",
      "Friendly Explainer",
      "Late-Night Radio Host",
      "Children's Storyteller",
      "Corporate E-Learning Voice",
    ],
    noun: "ElevenLabs Voice Settings",
    tags: ["elevenlabs", "voice", "tts", "narration", "audio"],
    settings: (rng) => ({
      model: rng.pick(["eleven_multilingual_v2", "eleven_turbo_v2_5"]),
      stability: round(0.3 + rng.next() * 0.5),
      similarityBoost: round(0.6 + rng.next() * 0.35),
      style: round(rng.next() * 0.45),
      useSpeakerBoost: true,
      speed: round(0.9 + rng.next() * 0.2),
      pronunciationDictionary: ["SQL → sequel", "GIF → jif"],
    }),
  },
  {
    tool: "Suno",
    packSizes: [1, 3, 5],
    categories: ["audio"],
    looks: [
      "Lo-Fi Study Beats",
      "Synthwave Drive",
      "Acoustic Folk Story",
      "Epic Trailer Orchestral",
      "Indie Pop Summer",
      "Dark Techno Warehouse",
      "Jazz Café Trio",
      "K-Pop Anthem",
      "Ambient Rain Piano",
    ],
    noun: "Suno Style Preset",
    tags: ["suno", "music", "style", "song", "ai-music"],
    settings: (rng) => ({
      style: rng
        .sample(["warm tape saturation", "female vocals", "male vocals", "punchy drums", "wide stereo pads", "fingerpicked guitar", "808 bass"], 4)
        .join(", "),
      bpm: rng.int(72, 128),
      key: rng.pick(["A minor", "C major", "E minor", "F# minor", "D major"]),
      structure: ["intro", "verse", "chorus", "verse", "chorus", "bridge", "chorus", "outro"],
      excludeStyles: "autotune, distortion",
      instrumental: rng.chance(0.4),
    }),
  },
  {
    tool: "OpenAI API",
    packSizes: [1, 1, 3],
    categories: ["writing", "coding", "productivity", "business", "marketing"],
    looks: [
      "Precise Technical Writer",
      "Creative Brainstorm",
      "Deterministic JSON Extractor",
      "Concise Summarizer",
      "Brand Voice Copywriter",
      "Customer Support Agent",
      "Code Reviewer",
      "Long-Context Researcher",
    ],
    noun: "OpenAI Sampling Preset",
    tags: ["openai", "gpt", "api", "temperature", "llm"],
    settings: (rng, look) => ({
      model: rng.pick(["gpt-4o", "gpt-4o-mini", "gpt-4.1"]),
      temperature: look.startsWith("Creative") ? round(0.9 + rng.next() * 0.3) : round(rng.next() * 0.4),
      top_p: round(0.8 + rng.next() * 0.2),
      presence_penalty: round(rng.next() * 0.6),
      frequency_penalty: round(rng.next() * 0.5),
      max_tokens: rng.pick([512, 1024, 2048, 4096]),
      response_format: look.includes("JSON") ? { type: "json_object" } : { type: "text" },
      system: `You are a ${look.toLowerCase()}. Be specific, cite the input, and never invent facts.`,
    }),
  },
  {
    tool: "SillyTavern",
    packSizes: [1, 1, 3],
    categories: ["role-play", "writing"],
    looks: [
      "Immersive Storyteller",
      "Slow-Burn Romance",
      "Grimdark Adventure",
      "Cozy Slice of Life",
      "Mystery Noir",
      "Space Opera",
      "Cosmic Horror",
      "Lighthearted Comedy",
    ],
    noun: "SillyTavern Generation Preset",
    tags: ["sillytavern", "roleplay", "sampler", "llm", "story"],
    settings: (rng) => ({
      temperature: round(0.8 + rng.next() * 0.5),
      min_p: round(0.02 + rng.next() * 0.08, 3),
      top_k: rng.pick([0, 40, 80]),
      repetition_penalty: round(1.05 + rng.next() * 0.1, 3),
      repetition_penalty_range: rng.pick([1024, 2048, 4096]),
      context_length: rng.pick([8192, 16384, 32768]),
      instruct_template: rng.pick(["ChatML", "Llama 3 Instruct", "Mistral"]),
    }),
  },
  {
    tool: "Notion AI",
    packSizes: [1, 1, 3],
    categories: ["productivity", "education", "data-analysis"],
    looks: ["Meeting Notes Cleaner", "Study Notes Summarizer", "Weekly Report Builder", "Research Digest", "Project Status Update", "Reading List Tracker"],
    noun: "Notion AI Preset",
    tags: ["notion", "productivity", "notes", "ai", "workflow"],
    settings: (rng) => ({
      action: rng.pick(["summarize", "action_items", "rewrite"]),
      outputFormat: rng.pick(["bullets", "table", "headings"]),
      maxBullets: rng.int(5, 12),
      includeOwners: true,
      dateFormat: "YYYY-MM-DD",
      language: "en",
    }),
  },
];

const CHANGES = [
  "Rebalanced highlights and shadows for darker scenes.",
  "Added a softer variant for skin tones.",
  "Updated for the latest version of the tool.",
  "Fixed a setting that clipped on HDR footage.",
  "Two new variations added, same price.",
];

const VARIATION_NAMES = [
  "Soft",
  "Bold",
  "Warm",
  "Cool",
  "Faded",
  "Punchy",
  "Muted",
  "Bright",
  "Dark",
  "Clean",
  "Vintage",
  "Crisp",
  "Airy",
  "Deep",
  "Dusk",
  "Noon",
  "Indoor",
  "Overcast",
  "Night",
  "Studio",
];

/** Variations adjust the base settings: an intensity and a couple of named shifts. */
function variations(rng: Random, count: number): Json[] {
  return VARIATION_NAMES.slice(0, count).map((name) => ({ name, intensity: rng.int(40, 100), warmth: rng.int(-20, 20), contrast: rng.int(-15, 15) }));
}

export function generatePreset(rng: Random): ListingDraft {
  const tool = rng.pick(TOOLS);
  const look = rng.pick(tool.looks);
  const category = rng.pick(tool.categories);
  const count = rng.pick(tool.packSizes);
  const pack = count > 1 ? `${tool.noun.replace(/ Preset$/, " Presets")} (${count} variations)` : tool.noun;
  const visual = tool.categories.some((c) => c === "photography" || c === "video" || c === "image-generation");
  // Series numbers and editions, as creators name follow-up packs.
  const edition = rng.weighted<string>([
    ["", 6],
    [" Vol. 2", 1],
    [" Vol. 3", 1],
    [" (Pro Edition)", 1],
    [" II", 1],
  ]);
  const title =
    (count > 1
      ? `${look} ${pack}`
      : rng.pick([`${look} ${tool.noun}`, visual ? `${look} Look – ${tool.noun}` : `${look} Preset for ${tool.tool}`, `${tool.noun}: ${look}`])) +
    (count > 1 ? "" : edition);
  const settings = tool.settings(rng, look);
  const settingsFor = (version: number): Settings => {
    const base = version === 1 ? settings : { ...tool.settings(rng, look), revision: version };
    return count > 1 ? { ...base, variations: variations(rng, count) } : base;
  };
  return {
    category,
    title,
    summary: `${look} settings for ${tool.tool}${count > 1 ? ` in ${count} variations` : ""}. Import once, apply in one click, then fine-tune to taste.`,
    tags: [phraseTag(look), ...look.toLowerCase().split(/\s+/), ...tool.tags, "preset"],
    highlights: [
      `${count > 1 ? `${count} variations of the` : "The"} ${look} ${visual ? "look" : "settings"} for ${tool.tool}`,
      `${plural(Object.keys(settings).length, "tuned setting")}, documented field by field`,
      "Notes on which sources it suits and how to dial it back",
      "Free updates when the tool changes its defaults",
    ],
    steps: [
      `Open ${tool.tool} and find its import or settings panel.`,
      "Paste or import the settings from your library.",
      visual ? "Apply, then adjust intensity to match your source." : "Run a few real inputs through it and nudge the values if results drift.",
    ],
    contentFor: (version) => ({
      kind: "preset",
      tool: tool.tool,
      settings: settingsFor(version),
      notes: visual
        ? `${look} for ${tool.tool}. Start from the defaults here and lower intensity for flat or underexposed sources.`
        : `${look} for ${tool.tool}. Change one value at a time and keep notes of what worked for your inputs.`,
    }),
    changelogFor: () => rng.pick(CHANGES),
  };
}
