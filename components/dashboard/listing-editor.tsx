"use client";
// The listing editor: details, cover, the kind's content and submission. Drafts autosave; a live listing's
// details save on request (they go live at once) while its content edits go to a new draft version.
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { draftToContent, type ContentDraft } from "@/lib/listings/content-draft";
import { validateDetailsForm, type DetailsErrors, type ListingDetailsForm } from "@/lib/listings/details";
import type { Kind } from "@/lib/listings/kinds";
import type { License } from "@/lib/licenses/licenses";
import { KIND_LABELS } from "@/lib/listings/kinds";
import { ContentEditor } from "./content/content-editor";
import type { StorageUsage } from "./file-uploader";
import { CoverSection } from "./cover-section";
import { EditorHeader } from "./editor-header";
import { DetailsSection } from "./details-section";
import { EditorNotices } from "./editor-notices";
import { Section } from "./fields";
import { readLocalCopy, useDebouncedSave, useLeaveWarning, useLocalCopy, useSaveState, useSerialQueue, type SaveState } from "./use-editor-save";
import type { EditorActions } from "./editor-actions";
import { LicenseSection } from "./license-section";
import { SubmitSection } from "./submit-section";
import { VersionList, type VersionItem } from "./version-list";

export type EditorData = {
  listing: {
    id: string;
    kind: Kind;
    status: "draft" | "pending_review" | "published" | "rejected" | "unpublished" | "removed";
    statusReason: string | null;
    slug: string;
    publishedAt: string | null;
    coverImageId: string | null;
    creatorHandle: string;
    liveVersionNumber: number | null;
  };
  details: ListingDetailsForm;
  content: ContentDraft;
  changelog: string;
  draftNumber: number | null;
  nextNumber: number;
  pending: { number: number; submittedAt: string | null } | null;
  lastRejection: { number: number; reason: string } | null;
  versions: VersionItem[];
  fileMaxBytes: number;
  /** The creator's file storage against their quota, shown in the upload area. */
  storageUsage: StorageUsage;
  canEdit: boolean;
  /** The draft's license (or the one a new draft starts from); null until the creator chooses one. */
  license: License | null;
  /** Text and cover changes of an approved listing: waiting for approval, or the reason the last ones were not approved. */
  revision: { pending: { submittedAt: string; fields: string[] } | null; lastRejection: { reason: string } | null };
};

type Backup = { details: ListingDetailsForm; content: ContentDraft; changelog: string };

function SaveIndicator({ state, dirty }: { state: SaveState; dirty: boolean }) {
  const text =
    state.kind === "saving"
      ? "Saving…"
      : state.kind === "error"
        ? `Not saved: ${state.message}`
        : dirty
          ? "Unsaved changes (kept in this browser)"
          : state.kind === "saved"
            ? `All changes saved · ${state.at.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" })}`
            : "All changes saved";
  return (
    <p role="status" aria-live="polite" data-testid="save-state" className={`text-sm ${state.kind === "error" ? "text-red-600" : "text-slate-500"}`}>
      {text}
    </p>
  );
}

export function ListingEditor({ data, actions }: { data: EditorData; actions: EditorActions }) {
  const router = useRouter();
  const { listing } = data;
  const storageKey = `agora:editor:${listing.id}`;
  const [status, setStatus] = useState(listing.status);
  const [details, setDetails] = useState(data.details);
  const [content, setContent] = useState(data.content);
  const [changelog, setChangelog] = useState(data.changelog);
  const [detailsDirty, setDetailsDirty] = useState(false);
  const [contentDirty, setContentDirty] = useState(false);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [contentTouched, setContentTouched] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<DetailsErrors>({});
  const [draftNumber, setDraftNumber] = useState(data.draftNumber);
  const [saveState, setSaveState] = useSaveState();
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [restore, setRestore] = useState<Backup | null>(null);
  const [licenseChosen, setLicenseChosen] = useState(data.license !== null);
  // What saves read when they start and compare when they end (kept current after every render).
  const latest = useRef({ details, content, changelog });
  useEffect(() => {
    latest.current = { details, content, changelog };
  });
  const enqueue = useSerialQueue();

  const locked = !data.canEdit || status === "pending_review" || status === "removed";
  const contentLocked = locked || data.pending !== null;
  const autosaveDetails = status === "draft" || status === "rejected";
  const live = status === "published" || status === "unpublished";
  const versionNumber = draftNumber ?? data.nextNumber;
  const needsChangelog = versionNumber >= 2;

  const detailsCheck = useMemo(() => validateDetailsForm(details), [details]);
  const contentCheck = useMemo(() => draftToContent(content), [content]);
  const detailErrors: DetailsErrors = detailsCheck.ok ? {} : detailsCheck.errors;
  const errorFor = (field: keyof ListingDetailsForm) => (showAll || touched.has(field) ? (detailErrors[field] ?? serverErrors[field]) : undefined);
  const contentIssues = showAll || contentTouched ? (contentCheck.ok ? [] : contentCheck.issues) : [];

  // Offer to restore work left unsaved in this browser (a failed save, a closed tab).
  useEffect(() => {
    const copy = readLocalCopy<Backup>(storageKey);
    if (!copy) return;
    const server = JSON.stringify({ details: data.details, content: data.content, changelog: data.changelog });
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage is only readable after mount
    if (JSON.stringify(copy.value) !== server) setRestore(copy.value);
    else window.localStorage.removeItem(storageKey);
  }, [storageKey, data.details, data.content, data.changelog]);
  const backup = useMemo<Backup>(() => ({ details, content, changelog }), [details, content, changelog]);
  useLocalCopy(storageKey, backup, detailsDirty || contentDirty);
  useLeaveWarning(detailsDirty || contentDirty || saveState.kind === "saving");

  const saveDetails = () =>
    enqueue(async () => {
      const snapshot = latest.current.details;
      const check = validateDetailsForm(snapshot);
      if (!check.ok) {
        setSaveState({ kind: "error", message: "fix the highlighted details (your text is kept in this browser)." });
        setTouched((t) => new Set([...t, ...Object.keys(check.errors)]));
        return false;
      }
      setSaveState({ kind: "saving" });
      const result = await actions.saveDetails(listing.id, snapshot);
      if (!result.ok) {
        setServerErrors(result.fieldErrors ?? {});
        setSaveState({ kind: "error", message: result.error });
        return false;
      }
      setServerErrors({});
      setStatus(result.status);
      if (latest.current.details === snapshot) setDetailsDirty(false);
      setSaveState({ kind: "saved", at: new Date() });
      // A live listing's text now waits for approval: reload the notices that say so.
      if (live) router.refresh();
      return true;
    });

  const saveContent = () =>
    enqueue(async () => {
      const snapshot = { content: latest.current.content, changelog: latest.current.changelog };
      setSaveState({ kind: "saving" });
      const result = await actions.saveContent(listing.id, { draft: snapshot.content, changelog: snapshot.changelog });
      if (!result.ok) {
        setSaveState({ kind: "error", message: result.error });
        return false;
      }
      setDraftNumber(result.versionNumber);
      setStatus(result.status);
      if (latest.current.content === snapshot.content && latest.current.changelog === snapshot.changelog) setContentDirty(false);
      setSaveState({ kind: "saved", at: new Date() });
      return true;
    });

  useDebouncedSave(autosaveDetails && detailsDirty && !locked, [details], () => void saveDetails());
  useDebouncedSave(contentDirty && !contentLocked, [content, changelog], () => void saveContent());

  const editDetails = (field: keyof ListingDetailsForm, value: string) => {
    setDetails((d) => ({ ...d, [field]: value }));
    setTouched((t) => (t.has(field) ? t : new Set(t).add(field)));
    setDetailsDirty(true);
  };
  const editContent = (next: ContentDraft) => {
    setContent(next);
    setContentTouched(true);
    setContentDirty(true);
  };
  const editChangelog = (value: string) => {
    setChangelog(value);
    setContentDirty(true);
  };

  const blockers = [
    ...(status === "draft" && !detailsCheck.ok ? Object.values(detailsCheck.errors) : []),
    ...(contentCheck.ok ? [] : contentCheck.issues.map((i) => (i.line ? `${i.message} (line ${i.line})` : i.message))),
    ...(needsChangelog && changelog.trim().length < 3 ? [`Describe what changed in version ${versionNumber}.`] : []),
    ...(licenseChosen ? [] : ["Choose a license in the License section."]),
  ];
  const hasChangesToSubmit = status === "draft" || draftNumber !== null || contentDirty;

  const submit = async () => {
    setShowAll(true);
    setSubmitError(null);
    if (blockers.length) return;
    setSubmitting(true);
    const saved = (!detailsDirty || (await saveDetails())) && (!contentDirty || (await saveContent()));
    if (!saved) {
      setSubmitting(false);
      return;
    }
    const result = await actions.submitForApproval(listing.id);
    setSubmitting(false);
    if (!result.ok) return setSubmitError(result.error);
    window.localStorage.removeItem(storageKey);
    router.refresh();
  };

  return (
    <div className="space-y-6">
      <EditorHeader listing={{ ...listing, status }} title={details.title || "Untitled listing"} canEdit={data.canEdit} actions={actions} />

      {restore ? (
        <div
          role="alert"
          className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        >
          <span>This browser has unsaved changes to this listing from an earlier visit.</span>
          <span className="flex gap-2">
            <Button
              type="button"
              onClick={() => {
                setDetails(restore.details);
                setContent(restore.content);
                setChangelog(restore.changelog);
                setDetailsDirty(!locked);
                setContentDirty(!contentLocked);
                setRestore(null);
              }}
            >
              Restore them
            </Button>
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                window.localStorage.removeItem(storageKey);
                setRestore(null);
              }}
            >
              Discard
            </Button>
          </span>
        </div>
      ) : null}

      <EditorNotices status={status} data={data} />

      <div className="sticky top-[4.25rem] z-10 -mx-1 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white/95 px-4 py-2 backdrop-blur">
        <SaveIndicator state={saveState} dirty={detailsDirty || contentDirty} />
        {live && detailsDirty && !locked ? (
          <Button type="button" onClick={() => void saveDetails()} disabled={saveState.kind === "saving"}>
            Submit details for approval
          </Button>
        ) : null}
      </div>

      <DetailsSection details={details} locked={locked} live={live} errorFor={errorFor} onEdit={editDetails} renderMarkdown={actions.renderMarkdown} />

      <CoverSection
        listingId={listing.id}
        coverImageId={listing.coverImageId}
        disabled={locked}
        live={live}
        setCover={actions.setCover}
        onSaved={live ? () => router.refresh() : undefined}
      />

      <Section
        title={`Content — ${KIND_LABELS[listing.kind]}`}
        description={
          contentLocked
            ? "This content can't be changed right now."
            : data.listing.liveVersionNumber
              ? `Edits make version ${versionNumber}, a draft only you see. Buyers keep version ${data.listing.liveVersionNumber} until the new one is approved.`
              : "What buyers get. Saved automatically as a draft."
        }
        actions={
          data.listing.liveVersionNumber && draftNumber !== null && !contentLocked ? (
            <Button
              type="button"
              variant="ghost"
              onClick={async () => {
                const result = await actions.discardDraft(listing.id);
                if (!result.ok) return setSubmitError(result.error);
                window.localStorage.removeItem(storageKey);
                router.refresh();
              }}
            >
              Discard changes
            </Button>
          ) : null
        }
      >
        <ContentEditor
          draft={content}
          onChange={editContent}
          disabled={contentLocked}
          issues={contentIssues}
          fileMaxBytes={data.fileMaxBytes}
          storageUsage={data.storageUsage}
          checkModelFile={actions.checkModelFile}
        />
      </Section>

      <LicenseSection
        listingId={listing.id}
        saved={data.license}
        disabled={contentLocked}
        missing={showAll && !licenseChosen}
        saveLicense={actions.saveLicense}
        onSaved={(result) => {
          setLicenseChosen(true);
          setDraftNumber(result.versionNumber);
        }}
      />

      {!contentLocked ? (
        <SubmitSection
          liveVersionNumber={data.listing.liveVersionNumber}
          versionNumber={versionNumber}
          needsChangelog={needsChangelog}
          changelog={changelog}
          onChangelog={editChangelog}
          showAll={showAll}
          blockers={blockers}
          submitError={submitError}
          submitting={submitting}
          hasChangesToSubmit={hasChangesToSubmit}
          status={status}
          onSubmit={submit}
        />
      ) : null}

      <Section title="Versions">
        <VersionList versions={data.versions} />
      </Section>
    </div>
  );
}
