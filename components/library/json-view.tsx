// A formatted, copyable view of a preset's settings or a template's body, with a .json download.
import { CopyButton } from "./copy-button";

export function JsonView({ document, downloadHref, label }: { document: unknown; downloadHref: string; label: string }) {
  const json = JSON.stringify(document, null, 2);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium">{label}</h3>
        <div className="flex flex-wrap items-center gap-2">
          <CopyButton text={json} label="Copy JSON" />
          {/* A plain link (no prefetch): the route answers with an attachment. */}
          <a
            href={downloadHref}
            download
            className="inline-flex items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            Download .json
          </a>
        </div>
      </div>
      <pre
        className="max-h-[36rem] overflow-auto rounded-xl border border-slate-200 bg-slate-900 p-4 font-mono text-xs leading-relaxed text-slate-100 sm:text-sm"
        tabIndex={0}
        aria-label={label}
        data-testid="json-view"
      >
        {json}
      </pre>
    </div>
  );
}
