"use client";
// Approve (optional note) or reject (required reason, which the creator sees) a submitted version or a live
// listing's changed details.
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ActionState } from "@/lib/validated-action";

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

export function ApprovalDecision({
  versionId,
  revisionId,
  approve,
  reject,
  isUpdate,
}: {
  versionId?: string;
  /** Deciding a live listing's changed details instead of a version. */
  revisionId?: string;
  approve: Action;
  reject: Action;
  isUpdate: boolean;
}) {
  const idField = revisionId ? <input type="hidden" name="revisionId" value={revisionId} /> : <input type="hidden" name="versionId" value={versionId} />;
  const [approveState, approveAction, approving] = useActionState(approve, {});
  const [rejectState, rejectAction, rejecting] = useActionState(reject, {});
  const [mode, setMode] = useState<"approve" | "reject">("approve");
  const busy = approving || rejecting;
  return (
    <div className="space-y-4">
      <div className="flex rounded-lg border border-slate-300 p-0.5 text-sm" role="group" aria-label="Decision">
        {(["approve", "reject"] as const).map((m) => (
          <button
            key={m}
            type="button"
            aria-pressed={mode === m}
            onClick={() => setMode(m)}
            className={`flex-1 rounded-md px-3 py-1.5 capitalize ${mode === m ? "bg-slate-900 text-white" : "text-slate-700"}`}
          >
            {m}
          </button>
        ))}
      </div>
      {mode === "approve" ? (
        <form action={approveAction} className="space-y-3">
          {idField}
          <FormError message={approveState.error} />
          <div className="space-y-1">
            <label htmlFor="approve-note" className="block text-sm font-medium text-slate-700">
              Note to the creator (optional)
            </label>
            <textarea
              id="approve-note"
              name="note"
              rows={3}
              maxLength={2000}
              defaultValue={approveState.values?.note}
              className="block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm"
            />
          </div>
          <p className="text-sm text-slate-600">
            {revisionId
              ? "Approving puts the new details on the listing page and in search at once."
              : isUpdate
                ? "Approving switches the live version and notifies every owner."
                : "Approving publishes the listing in the catalog."}
          </p>
          <Button type="submit" disabled={busy}>
            {approving ? "Approving…" : revisionId ? "Approve the changes" : isUpdate ? "Approve and switch version" : "Approve and publish"}
          </Button>
        </form>
      ) : (
        <form action={rejectAction} className="space-y-3">
          {idField}
          <FormError message={rejectState.error} />
          <div className="space-y-1">
            <label htmlFor="reject-reason" className="block text-sm font-medium text-slate-700">
              Reason (the creator sees this) <span className="text-red-600">*</span>
            </label>
            <textarea
              id="reject-reason"
              name="reason"
              rows={4}
              required
              minLength={10}
              maxLength={2000}
              defaultValue={rejectState.values?.reason}
              aria-invalid={rejectState.fieldErrors?.reason ? true : undefined}
              className="block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm"
            />
            {rejectState.fieldErrors?.reason?.[0] ? <p className="text-sm text-red-600">{rejectState.fieldErrors.reason[0]}</p> : null}
          </div>
          <Button type="submit" variant="danger" disabled={busy}>
            {rejecting ? "Rejecting…" : "Reject with this reason"}
          </Button>
        </form>
      )}
    </div>
  );
}
