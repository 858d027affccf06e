"use client";
// "Report" on one review, where the page offers reporting (ReportProvider).
import { ReportDialog } from "./report-dialog";
import { useReportSetup } from "./report-context";

export function ReportReview({ reviewId }: { reviewId: string }) {
  const setup = useReportSetup();
  if (!setup) return null;
  return (
    <ReportDialog
      targetType="review"
      targetId={reviewId}
      action={setup.action}
      signedIn={setup.signedIn}
      returnTo={setup.returnTo}
      label="Report review"
      className="px-1 py-1 text-xs text-slate-500 underline hover:text-red-700"
    />
  );
}
