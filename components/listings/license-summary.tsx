// A license as buyers read it: its name (linked to the full text when there is one), the four rights spelled out,
// and custom terms in full. Used on the listing page, the receipt and the library.
import { RIGHT_LABELS, RIGHTS, type License } from "@/lib/licenses/licenses";

export function LicenseRights({ license }: { license: License }) {
  return (
    <ul className="grid gap-1 text-sm sm:grid-cols-2" aria-label={`What the ${license.name} allows`}>
      {RIGHTS.map((right) => {
        const granted = license[right];
        // Credit is a duty, not a right: "required" is neither good nor bad news.
        const tone = right === "creditRequired" ? "text-slate-700" : granted ? "text-emerald-700" : "text-slate-500";
        const mark = right === "creditRequired" ? (granted ? "!" : "–") : granted ? "✓" : "✕";
        return (
          <li key={right} className={`flex items-center gap-2 ${tone}`} data-testid={`license-${right}`}>
            <span aria-hidden className="inline-flex h-4 w-4 items-center justify-center text-xs font-bold">
              {mark}
            </span>
            {granted ? RIGHT_LABELS[right].yes : RIGHT_LABELS[right].no}
          </li>
        );
      })}
    </ul>
  );
}

export function LicenseSummary({ license, compact = false }: { license: License; compact?: boolean }) {
  return (
    <div className="space-y-2" data-testid="license-summary">
      <p className="text-sm font-medium text-slate-900">
        {license.url ? (
          <a href={license.url} className="text-brand-700 underline-offset-2 hover:underline" rel="noopener noreferrer" target="_blank">
            {license.name}
          </a>
        ) : (
          license.name
        )}
        {license.id === "custom" ? <span className="ml-2 text-xs font-normal text-slate-500">(the creator&apos;s own terms)</span> : null}
      </p>
      <LicenseRights license={license} />
      {license.terms && !compact ? (
        <details className="text-sm text-slate-600">
          <summary className="cursor-pointer text-slate-700">Read the terms</summary>
          <p className="mt-1 whitespace-pre-line">{license.terms}</p>
        </details>
      ) : null}
    </div>
  );
}

/** The listing page's license card (beside the purchase box). */
export function LicenseCard({ license }: { license: License | null }) {
  return (
    <section aria-labelledby="license-heading" className="space-y-2 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="license-heading" className="text-base font-semibold">
        License
      </h2>
      {license ? (
        <>
          <LicenseSummary license={license} />
          <p className="text-xs text-slate-500">You keep this license for the version you buy, even if the creator changes it later.</p>
        </>
      ) : (
        <p className="text-sm text-slate-600">The creator has not stated a license.</p>
      )}
    </section>
  );
}
