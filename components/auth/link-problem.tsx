// What an emailed link's page says when the link no longer works, with the way to get a new one.
import Link from "@/components/ui/link";
import { Alert } from "@/components/ui/alert";

export function LinkProblem({ state, retryHref, retryLabel }: { state: "invalid" | "expired"; retryHref: string; retryLabel: string }) {
  return (
    <div className="space-y-4">
      <Alert tone="error">{state === "expired" ? "This link has expired." : "This link is not valid or has already been used."} Ask for a new one.</Alert>
      <Link className="text-sm font-medium text-brand-700 hover:underline" href={retryHref}>
        {retryLabel}
      </Link>
    </div>
  );
}
