// Licenses: what a buyer may do with what they buy. A creator picks a preset (its rights are fixed) or writes custom
// terms and sets the rights themselves; the resolved License is snapshotted on each version at submission, so a
// buyer keeps the license of the version they bought. Client-safe (the editor's picker uses it too).
import { z } from "zod";

/** The rights a license grants, spelled out as flags (shown to buyers and filterable in search). */
export type LicenseRights = {
  /** May the buyer use it, or what it makes, in commercial work? */
  commercialUse: boolean;
  /** May the buyer modify it and share or sell modified versions? */
  derivatives: boolean;
  /** May the buyer sell what it produces (images, text, outputs of the model)? */
  resaleOfOutputs: boolean;
  /** Must the buyer credit the creator? */
  creditRequired: boolean;
};

/** A license as stored on a version and shown to buyers and in the public API. */
export type License = LicenseRights & { id: LicenseId; name: string; url?: string; terms?: string };

export const PRESET_LICENSE_IDS = [
  "agora-standard-personal",
  "agora-standard-commercial",
  "cc-by-4.0",
  "cc-by-nc-4.0",
  "mit",
  "apache-2.0",
  "openrail-m",
  "llama-community",
  "gemma-terms",
] as const;
export type PresetLicenseId = (typeof PRESET_LICENSE_IDS)[number];
export type LicenseId = PresetLicenseId | "custom";

export type LicensePreset = License & { id: PresetLicenseId; summary: string };

export const LICENSE_PRESETS: Record<PresetLicenseId, LicensePreset> = {
  "agora-standard-personal": {
    id: "agora-standard-personal",
    name: "Agora standard personal",
    summary: "Personal, non-commercial use by the buyer. No resale or sharing of the item or of what it produces.",
    terms:
      "The buyer may use this item for their own personal, non-commercial projects and adapt it for that use. They may not resell, share or sublicense the item or modified copies of it, and may not sell what it produces.",
    commercialUse: false,
    derivatives: true,
    resaleOfOutputs: false,
    creditRequired: false,
  },
  "agora-standard-commercial": {
    id: "agora-standard-commercial",
    name: "Agora standard commercial",
    summary: "Use in personal and commercial work, including selling what it produces. The item itself may not be resold.",
    terms:
      "The buyer may use this item and adapt it in personal and commercial work, and may sell what it produces. They may not resell, share or sublicense the item itself or modified copies of it as a competing product.",
    commercialUse: true,
    derivatives: true,
    resaleOfOutputs: true,
    creditRequired: false,
  },
  "cc-by-4.0": {
    id: "cc-by-4.0",
    name: "CC BY 4.0",
    url: "https://creativecommons.org/licenses/by/4.0/",
    summary: "Share and adapt for any purpose, commercial included, with credit to the creator.",
    commercialUse: true,
    derivatives: true,
    resaleOfOutputs: true,
    creditRequired: true,
  },
  "cc-by-nc-4.0": {
    id: "cc-by-nc-4.0",
    name: "CC BY-NC 4.0",
    url: "https://creativecommons.org/licenses/by-nc/4.0/",
    summary: "Share and adapt with credit to the creator, for non-commercial purposes only.",
    commercialUse: false,
    derivatives: true,
    resaleOfOutputs: false,
    creditRequired: true,
  },
  mit: {
    id: "mit",
    name: "MIT License",
    url: "https://opensource.org/license/mit",
    summary: "Use, modify and sell for any purpose; keep the copyright and license notice.",
    commercialUse: true,
    derivatives: true,
    resaleOfOutputs: true,
    creditRequired: true,
  },
  "apache-2.0": {
    id: "apache-2.0",
    name: "Apache License 2.0",
    url: "https://www.apache.org/licenses/LICENSE-2.0",
    summary: "Use, modify and sell for any purpose, with a patent grant; keep notices and state changes.",
    commercialUse: true,
    derivatives: true,
    resaleOfOutputs: true,
    creditRequired: true,
  },
  "openrail-m": {
    id: "openrail-m",
    name: "OpenRAIL-M",
    url: "https://www.licenses.ai/blog/2022/8/26/bigscience-open-rail-m-license",
    summary: "Open use and redistribution, commercial included, subject to the license's use-based restrictions, which pass on to derivatives.",
    commercialUse: true,
    derivatives: true,
    resaleOfOutputs: true,
    creditRequired: true,
  },
  "llama-community": {
    id: "llama-community",
    name: "Llama community license",
    url: "https://www.llama.com/llama3_1/license/",
    summary: "Meta's Llama license: commercial use allowed below 700 million monthly users, under Meta's acceptable use policy; show “Built with Llama”.",
    commercialUse: true,
    derivatives: true,
    resaleOfOutputs: true,
    creditRequired: true,
  },
  "gemma-terms": {
    id: "gemma-terms",
    name: "Gemma terms of use",
    url: "https://ai.google.dev/gemma/terms",
    summary: "Google's Gemma terms: commercial use and derivatives allowed under the prohibited use policy, which passes on to derivatives.",
    commercialUse: true,
    derivatives: true,
    resaleOfOutputs: true,
    creditRequired: true,
  },
};

export const DEFAULT_EXISTING_LICENSE: PresetLicenseId = "agora-standard-personal";

export const CUSTOM_NAME_MAX = 80;
export const CUSTOM_TERMS_MAX = 8000;

/** What the creator chooses in the editor: a preset by id, or custom terms with the rights they grant. */
export const licenseChoiceSchema = z.discriminatedUnion("id", [
  z.object({ id: z.enum(PRESET_LICENSE_IDS, { error: "Choose one of the listed licenses." }) }),
  z.object({
    id: z.literal("custom"),
    name: z
      .string()
      .trim()
      .min(3, "Give your license a name (at least 3 characters).")
      .max(CUSTOM_NAME_MAX, `The license name is at most ${CUSTOM_NAME_MAX} characters.`),
    terms: z
      .string()
      .trim()
      .min(20, "Write out the terms (at least 20 characters).")
      .max(CUSTOM_TERMS_MAX, `The terms are at most ${CUSTOM_TERMS_MAX.toLocaleString("en-US")} characters.`),
    commercialUse: z.boolean(),
    derivatives: z.boolean(),
    resaleOfOutputs: z.boolean(),
    creditRequired: z.boolean(),
  }),
]);
export type LicenseChoice = z.input<typeof licenseChoiceSchema>;

/** The license a choice stands for: presets fix their rights, custom terms keep the creator's. */
export function resolveLicense(choice: z.output<typeof licenseChoiceSchema>): License {
  if (choice.id === "custom") {
    const { id, name, terms, commercialUse, derivatives, resaleOfOutputs, creditRequired } = choice;
    return { id, name, terms, commercialUse, derivatives, resaleOfOutputs, creditRequired };
  }
  const { summary: _summary, ...license } = LICENSE_PRESETS[choice.id];
  void _summary;
  return license;
}

const storedLicenseSchema = z.object({
  id: z.union([z.enum(PRESET_LICENSE_IDS), z.literal("custom")]),
  name: z.string().min(1),
  url: z.string().optional(),
  terms: z.string().optional(),
  commercialUse: z.boolean(),
  derivatives: z.boolean(),
  resaleOfOutputs: z.boolean(),
  creditRequired: z.boolean(),
});

/** A stored license (jsonb on a version) read back; null when none was chosen or the value is unreadable. */
export function readLicense(value: unknown): License | null {
  const parsed = storedLicenseSchema.safeParse(value);
  if (!parsed.success) return null;
  const { id, name, url, terms, commercialUse, derivatives, resaleOfOutputs, creditRequired } = parsed.data;
  return { id, name, ...(url ? { url } : {}), ...(terms ? { terms } : {}), commercialUse, derivatives, resaleOfOutputs, creditRequired };
}

/** The editor's choice for a stored license (custom terms come back editable). */
export function choiceFor(license: License | null): LicenseChoice | null {
  if (!license) return null;
  if (license.id !== "custom") return { id: license.id };
  return {
    id: "custom",
    name: license.name,
    terms: license.terms ?? "",
    commercialUse: license.commercialUse,
    derivatives: license.derivatives,
    resaleOfOutputs: license.resaleOfOutputs,
    creditRequired: license.creditRequired,
  };
}

export const RIGHT_LABELS: Record<keyof LicenseRights, { yes: string; no: string; question: string }> = {
  commercialUse: { question: "Commercial use", yes: "Commercial use allowed", no: "No commercial use" },
  derivatives: { question: "Derivatives", yes: "Modifications allowed", no: "No modifications" },
  resaleOfOutputs: { question: "Resale of outputs", yes: "Outputs may be sold", no: "Outputs may not be sold" },
  creditRequired: { question: "Credit required", yes: "Credit the creator", no: "No credit required" },
};

export const RIGHTS = ["commercialUse", "derivatives", "resaleOfOutputs", "creditRequired"] as const satisfies readonly (keyof LicenseRights)[];
