"use client";
// Unlink GitHub (refused while it is the only way to sign in).
import type { FormAction } from "@/lib/validated-action";
import { SettingsForm } from "./settings-form";

export function UnlinkGithubForm({ action }: { action: FormAction }) {
  return <SettingsForm action={action} submitLabel="Unlink GitHub" pendingLabel="Unlinking…" variant="secondary" />;
}
