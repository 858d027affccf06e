"use client";
// The license picker of the listing editor: a preset (its rights are fixed and shown) or custom terms with the rights
// the creator grants. Saved on the draft version; a version can't be submitted without one.
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LicenseRights } from "@/components/listings/license-summary";
import {
  choiceFor,
  CUSTOM_NAME_MAX,
  CUSTOM_TERMS_MAX,
  LICENSE_PRESETS,
  PRESET_LICENSE_IDS,
  RIGHT_LABELS,
  RIGHTS,
  type License,
  type LicenseChoice,
  type LicenseRights as Rights,
} from "@/lib/licenses/licenses";
import type { EditorResult } from "./editor-actions";
import { Section, TextArea, TextInput } from "./fields";

type Custom = Extract<LicenseChoice, { id: "custom" }>;

const EMPTY_CUSTOM: Custom = { id: "custom", name: "", terms: "", commercialUse: false, derivatives: false, resaleOfOutputs: false, creditRequired: true };

export type SaveLicense = (listingId: string, choice: LicenseChoice) => Promise<EditorResult<{ versionNumber: number; license: License }>>;

export function LicenseSection({
  listingId,
  saved,
  disabled,
  missing,
  saveLicense,
  onSaved,
}: {
  listingId: string;
  /** The license on the draft (or the version a new draft starts from); null when none was chosen yet. */
  saved: License | null;
  disabled: boolean;
  /** The creator tried to submit without a license: say so here. */
  missing: boolean;
  saveLicense: SaveLicense;
  onSaved: (result: { versionNumber: number; license: License }) => void;
}) {
  const [current, setCurrent] = useState<License | null>(saved);
  const [selected, setSelected] = useState<string>(saved?.id ?? "");
  const [custom, setCustom] = useState<Custom>(() => {
    const initial = choiceFor(saved);
    return initial?.id === "custom" ? initial : EMPTY_CUSTOM;
  });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const choice: LicenseChoice | null = selected === "custom" ? custom : selected ? { id: selected as (typeof PRESET_LICENSE_IDS)[number] } : null;
  const unchanged = current !== null && choice !== null && JSON.stringify(choiceFor(current)) === JSON.stringify(choice);

  const save = async () => {
    if (!choice) return setError("Choose a license first.");
    setSaving(true);
    setError(null);
    setNotice(null);
    const result = await saveLicense(listingId, choice);
    setSaving(false);
    if (!result.ok) return setError(result.error);
    setCurrent(result.license);
    setNotice(`License saved: ${result.license.name}.`);
    onSaved(result);
  };

  return (
    <Section
      title="License"
      id="license"
      description="What buyers may do with what they buy. Buyers keep the license of the version they bought; a change applies to new versions only."
    >
      {!current ? (
        <Alert tone={missing ? "error" : "warning"} role={missing ? "alert" : "note"}>
          No license chosen yet. Choose one before submitting.
        </Alert>
      ) : null}
      <fieldset disabled={disabled} className="space-y-2">
        <legend className="sr-only">License</legend>
        {PRESET_LICENSE_IDS.map((id) => {
          const preset = LICENSE_PRESETS[id];
          return (
            <label
              key={id}
              className={`block cursor-pointer rounded-xl border p-3 ${selected === id ? "border-brand-500 bg-brand-50/40" : "border-slate-200"}`}
            >
              <span className="flex items-start gap-3">
                <input type="radio" name="license" value={id} checked={selected === id} onChange={() => setSelected(id)} className="mt-1" />
                <span className="space-y-1">
                  <span className="block text-sm font-medium text-slate-900">{preset.name}</span>
                  <span className="block text-sm text-slate-600">{preset.summary}</span>
                  {selected === id ? <LicenseRights license={preset} /> : null}
                </span>
              </span>
            </label>
          );
        })}
        <label className={`block cursor-pointer rounded-xl border p-3 ${selected === "custom" ? "border-brand-500 bg-brand-50/40" : "border-slate-200"}`}>
          <span className="flex items-start gap-3">
            <input type="radio" name="license" value="custom" checked={selected === "custom"} onChange={() => setSelected("custom")} className="mt-1" />
            <span>
              <span className="block text-sm font-medium text-slate-900">Custom terms</span>
              <span className="block text-sm text-slate-600">Write your own terms and say which rights they grant.</span>
            </span>
          </span>
        </label>
        {selected === "custom" ? (
          <div className="space-y-3 rounded-xl border border-slate-200 p-3">
            <TextInput
              label="License name"
              required
              max={CUSTOM_NAME_MAX}
              value={custom.name}
              onChange={(name) => setCustom((c) => ({ ...c, name }))}
              disabled={disabled}
            />
            <TextArea
              label="Terms"
              required
              rows={5}
              max={CUSTOM_TERMS_MAX}
              value={custom.terms}
              onChange={(terms) => setCustom((c) => ({ ...c, terms }))}
              disabled={disabled}
            />
            <fieldset className="grid gap-2 sm:grid-cols-2">
              <legend className="mb-1 text-sm font-medium text-slate-700">Rights these terms grant</legend>
              {RIGHTS.map((right) => (
                <label key={right} className="flex items-center gap-2 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    checked={custom[right]}
                    onChange={(event) => setCustom((c) => ({ ...c, [right]: event.target.checked }) as Custom & Rights)}
                  />
                  {RIGHT_LABELS[right].question}
                </label>
              ))}
            </fieldset>
          </div>
        ) : null}
      </fieldset>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" onClick={() => void save()} disabled={disabled || saving || !choice || unchanged}>
          {saving ? "Saving…" : "Save license"}
        </Button>
        {current ? <span className="text-sm text-slate-600">Current: {current.name}</span> : null}
      </div>
    </Section>
  );
}
