// A settlement run's status for admins.
const RUN_STATUS = {
  running: { label: "Running", tone: "bg-blue-50 text-blue-800 ring-blue-200" },
  completed: { label: "Completed", tone: "bg-emerald-50 text-emerald-800 ring-emerald-300" },
  failed: { label: "Failed", tone: "bg-red-50 text-red-700 ring-red-300" },
} as const;

export function RunStatusBadge({ status }: { status: keyof typeof RUN_STATUS }) {
  const s = RUN_STATUS[status];
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${s.tone}`}>{s.label}</span>;
}
