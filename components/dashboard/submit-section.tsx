// Submitting a listing or a new version for approval: the changelog, what blocks it, and the button.
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { EditorData } from "./listing-editor";
import { Section, TextArea } from "./fields";

export function SubmitSection({
  liveVersionNumber,
  versionNumber,
  needsChangelog,
  changelog,
  onChangelog,
  showAll,
  blockers,
  submitError,
  submitting,
  hasChangesToSubmit,
  status,
  onSubmit,
}: {
  liveVersionNumber: number | null;
  versionNumber: number;
  needsChangelog: boolean;
  changelog: string;
  onChangelog: (value: string) => void;
  showAll: boolean;
  blockers: string[];
  submitError: string | null;
  submitting: boolean;
  hasChangesToSubmit: boolean;
  status: EditorData["listing"]["status"];
  onSubmit: () => void;
}) {
  return (
    <Section title={liveVersionNumber ? `Submit version ${versionNumber}` : "Submit for approval"} id="submit">
      {needsChangelog ? (
        <TextArea
          label={`What changed in version ${versionNumber}`}
          required
          rows={3}
          max={2000}
          value={changelog}
          onChange={onChangelog}
          error={showAll && changelog.trim().length < 3 ? "Owners see this with the update: say what changed." : undefined}
          hint="Owners are notified with this text when the version is approved."
        />
      ) : null}
      {showAll && blockers.length ? (
        <Alert tone="error">
          <p className="font-medium">Before submitting:</p>
          <ul className="mt-1 list-disc pl-5">
            {blockers.slice(0, 8).map((b, i) => (
              <li key={i}>{b}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {submitError ? <Alert tone="error">{submitError}</Alert> : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" onClick={onSubmit} disabled={submitting || !hasChangesToSubmit}>
          {submitting ? "Submitting…" : liveVersionNumber ? `Submit version ${versionNumber} for approval` : "Submit for approval"}
        </Button>
        <p className="text-sm text-slate-500">
          {hasChangesToSubmit
            ? "An admin approves or rejects it, usually within a day. You'll get a notification."
            : status === "rejected"
              ? `Make the requested changes to start version ${versionNumber}.`
              : "Edit the content to start a new version."}
        </p>
      </div>
    </Section>
  );
}
