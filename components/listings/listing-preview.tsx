// The kind-specific public preview: enough to judge a listing, never its paid content.
import Image from "next/image";
import type { ListingPreview as Preview } from "@/lib/listings/preview";
import { formatBytes } from "@/lib/format";

function Facts({ items }: { items: [string, string][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
      {items.map(([term, value]) => (
        <div key={term}>
          <dt className="text-slate-500">{term}</dt>
          <dd className="font-medium text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function FieldNames({ fields, label }: { fields: string[]; label: string }) {
  if (fields.length === 0) return null;
  return (
    <div>
      <h3 className="text-sm font-medium text-slate-700">{label}</h3>
      <ul className="mt-2 flex flex-wrap gap-2">
        {fields.map((f) => (
          <li key={f}>
            <code className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{f}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ListingPreview({ preview }: { preview: Preview | null }) {
  if (!preview) return <p className="text-sm text-slate-500">No preview for this listing yet.</p>;
  switch (preview.kind) {
    case "prompt":
      return (
        <div className="space-y-4" data-testid="preview-prompt">
          <Facts
            items={[
              ["Made for", preview.targetModel || "—"],
              ["Variables", String(preview.variables.length)],
            ]}
          />
          <FieldNames fields={preview.variables.map((v) => `{{${v}}}`)} label="You fill in" />
          {preview.exampleOutputs.length ? (
            <div>
              <h3 className="text-sm font-medium text-slate-700">Example outputs</h3>
              <ul className="mt-2 grid gap-3 sm:grid-cols-2">
                {preview.exampleOutputs.map((example, i) => (
                  <li key={i} className="space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm">
                    {example.imageId ? (
                      <div className="relative aspect-[3/2] overflow-hidden rounded">
                        <Image
                          src={`/api/images/${example.imageId}?size=thumb`}
                          alt={`Example output ${i + 1}`}
                          fill
                          sizes="300px"
                          className="object-cover"
                          unoptimized
                        />
                      </div>
                    ) : null}
                    {example.input ? <p className="text-xs text-slate-500">Input: {example.input}</p> : null}
                    <p className="whitespace-pre-line text-slate-800">{example.output}</p>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      );
    case "preset":
      return (
        <div className="space-y-4" data-testid="preview-preset">
          <Facts
            items={[
              ["Tool", preview.tool],
              ["Settings", `${preview.fields.length} fields`],
            ]}
          />
          <FieldNames fields={preview.fields} label="Fields included (values come with purchase)" />
        </div>
      );
    case "template":
      return (
        <div className="space-y-4" data-testid="preview-template">
          <Facts
            items={[
              ["Format", preview.format.toUpperCase()],
              ["Fields", String(preview.fields.length)],
            ]}
          />
          <FieldNames fields={preview.fields} label="Fields included (values come with purchase)" />
        </div>
      );
    case "test":
      return (
        <div className="space-y-4" data-testid="preview-test">
          <Facts
            items={[
              ["Questions", String(preview.questionCount)],
              ["Pass mark", `${preview.passMark}%`],
            ]}
          />
          {preview.sampleQuestion ? (
            <div className="rounded-lg border border-slate-200 bg-slate-50 p-4">
              <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Sample question</h3>
              <p className="mt-2 text-sm font-medium">{preview.sampleQuestion.question}</p>
              <ul className="mt-2 space-y-1 text-sm text-slate-700">
                {preview.sampleQuestion.choices.map((choice, i) => (
                  <li key={i}>
                    {String.fromCharCode(65 + i)}. {choice}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      );
    case "model":
      return (
        <div data-testid="preview-model">
          <Facts
            items={[
              ["Base model", preview.baseModel],
              // A free-text note from before structured licenses; the license itself has its own card.
              ...(preview.license ? [["License note", preview.license] as [string, string]] : []),
              ["Format", preview.format],
              ["File size", preview.fileSizeBytes ? formatBytes(preview.fileSizeBytes) : "—"],
            ]}
          />
        </div>
      );
  }
}
