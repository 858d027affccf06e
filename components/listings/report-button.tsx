// Report placeholder: signed-in people will report a listing here (the moderation issue wires the form).
import Link from "next/link";

export function ReportButton({ slug, signedIn }: { slug: string; signedIn: boolean }) {
  const href = signedIn ? `/l/${slug}?report=1#report` : `/signin?returnTo=${encodeURIComponent(`/l/${slug}`)}`;
  return (
    <Link href={href} id="report" className="text-xs text-slate-500 underline hover:text-red-700" data-testid="report-button" data-report-listing={slug}>
      Report this listing
    </Link>
  );
}
