// A payout's status as a coloured badge with the words a creator or admin reads.
import type { PayoutStatus } from "@/lib/settlement/creator-payouts";

export const PAYOUT_STATUS_LABELS: Record<PayoutStatus, string> = {
  pending: "Scheduled",
  held: "On hold",
  processing: "Sending",
  paid: "Paid",
  failed: "Failed",
  carried: "Carried over",
  reversed: "Reversed",
};

const TONES: Record<PayoutStatus, string> = {
  pending: "bg-blue-50 text-blue-800 ring-blue-200",
  held: "bg-amber-50 text-amber-800 ring-amber-300",
  processing: "bg-indigo-50 text-indigo-800 ring-indigo-200",
  paid: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  failed: "bg-red-50 text-red-700 ring-red-300",
  carried: "bg-slate-100 text-slate-700 ring-slate-300",
  reversed: "bg-rose-50 text-rose-800 ring-rose-300",
};

export function PayoutStatusBadge({ status }: { status: PayoutStatus }) {
  return (
    <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[status]}`}>
      {PAYOUT_STATUS_LABELS[status]}
    </span>
  );
}
