"use client";
// "Report" on a listing, a review or a storefront: a dialog with the reason, details and, for a copyright or
// ownership claim, what a takedown notice needs. Signed-out visitors are sent to sign in first.
import Link from "@/components/ui/link";
import { useActionState, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, SelectField, TextAreaField } from "@/components/ui/field";
import { GOOD_FAITH_STATEMENT, REPORT_REASON_LABELS, REPORT_REASONS, type ReportTargetType } from "@/lib/reports/reasons";
import type { FormAction } from "@/lib/validated-action";

const TITLES: Record<ReportTargetType, string> = { listing: "Report this listing", review: "Report this review", creator: "Report this creator" };

export function ReportDialog({
  targetType,
  targetId,
  action,
  signedIn,
  returnTo,
  label,
  className = "text-xs text-slate-500 underline hover:text-red-700",
}: {
  targetType: ReportTargetType;
  targetId: string;
  action: FormAction;
  signedIn: boolean;
  returnTo: string;
  /** The button's text (its accessible name); defaults to "Report this listing" and the like. */
  label?: string;
  className?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, submit, pending] = useActionState(action, {});
  const [reason, setReason] = useState(state.values?.reason ?? "");
  const title = TITLES[targetType];
  const titleId = `report-${targetType}-${targetId}`;
  if (!signedIn) {
    return (
      <Link href={`/signin?returnTo=${encodeURIComponent(returnTo)}`} className={className}>
        {label ?? title}
      </Link>
    );
  }
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  return (
    <>
      <button type="button" className={className} onClick={() => dialog.current?.showModal()}>
        {label ?? title}
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl p-0 shadow-xl backdrop:bg-slate-900/40">
        <div className="space-y-4 p-6">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          {state.ok ? (
            <>
              <p role="status" className="text-sm text-emerald-800">
                {state.message}
              </p>
              <div className="flex justify-end">
                <Button type="button" onClick={() => dialog.current?.close()}>
                  Close
                </Button>
              </div>
            </>
          ) : (
            <form action={submit} className="space-y-3">
              <input type="hidden" name="targetType" value={targetType} />
              <input type="hidden" name="targetId" value={targetId} />
              <FormError message={state.error} />
              <SelectField
                label="Reason"
                name="reason"
                required
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                error={error("reason")}
                options={[["", "Choose a reason"], ...REPORT_REASONS.map((r) => [r, REPORT_REASON_LABELS[r]] as const)]}
              />
              <TextAreaField
                label="Details"
                name="details"
                rows={3}
                maxLength={4000}
                defaultValue={state.values?.details}
                error={error("details")}
                hint="What is wrong, and where? Moderators read this."
              />
              {reason === "copyright" ? (
                <fieldset className="space-y-3 rounded-lg border border-slate-200 p-3">
                  <legend className="px-1 text-sm font-medium">Copyright or ownership claim</legend>
                  <TextAreaField
                    label="The work you own"
                    name="claimedWork"
                    rows={2}
                    required
                    maxLength={2000}
                    defaultValue={state.values?.claimedWork}
                    error={error("claimedWork")}
                    hint="What it is and where it is published."
                  />
                  <Field
                    label="Your name and contact"
                    name="claimantContact"
                    required
                    maxLength={500}
                    defaultValue={state.values?.claimantContact}
                    error={error("claimantContact")}
                    hint="An email or postal address where we can reach you."
                  />
                  <label className="flex items-start gap-2 text-sm">
                    <input type="checkbox" name="goodFaith" required className="mt-1" aria-invalid={error("goodFaith") ? true : undefined} />
                    <span>{GOOD_FAITH_STATEMENT}</span>
                  </label>
                  {error("goodFaith") ? <p className="text-sm text-red-600">{error("goodFaith")}</p> : null}
                </fieldset>
              ) : null}
              <div className="flex justify-end gap-2 pt-2">
                <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
                  Cancel
                </Button>
                <Button type="submit" variant="danger" disabled={pending}>
                  {pending ? "Sending…" : "Send report"}
                </Button>
              </div>
            </form>
          )}
        </div>
      </dialog>
    </>
  );
}
