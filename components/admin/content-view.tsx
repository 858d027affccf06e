// A version's full paid content, laid out for the admin deciding on it (correct answers marked, files downloadable).
import type { ListingContent } from "@/lib/listings/content";
import { formatBytes } from "@/lib/format";

const block = "whitespace-pre-wrap break-words rounded-lg border border-slate-200 bg-slate-50 p-3 font-mono text-[13px] leading-5";

export function ContentView({ content, file }: { content: ListingContent; file: { id: string; filename: string; byteSize: number; sha256: string } | null }) {
  switch (content.kind) {
    case "prompt":
      return (
        <div className="space-y-4">
          <p className="text-sm">
            <span className="text-slate-500">Target model:</span> <span className="font-medium">{content.targetModel}</span>
          </p>
          <div>
            <h3 className="mb-1 text-sm font-medium">Template</h3>
            <pre className={block}>{content.template}</pre>
          </div>
          {content.variables.length ? (
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col">Variable</th>
                  <th scope="col">Description</th>
                  <th scope="col">Example</th>
                </tr>
              </thead>
              <tbody>
                {content.variables.map((v) => (
                  <tr key={v.name}>
                    <td className="font-mono">{`{{${v.name}}}`}</td>
                    <td>{v.description || "—"}</td>
                    <td>{v.example || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {content.exampleOutputs.map((e, i) => (
            <div key={i} className="space-y-1">
              <h3 className="text-sm font-medium">Example {i + 1}</h3>
              {e.input ? <p className="text-sm text-slate-600">Input: {e.input}</p> : null}
              <pre className={block}>{e.output}</pre>
              {e.imageId ? (
                // eslint-disable-next-line @next/next/no-img-element -- immutable stored image
                <img src={`/api/images/${e.imageId}`} alt={`Example ${i + 1} output image`} className="max-h-64 rounded-lg ring-1 ring-slate-200" />
              ) : null}
            </div>
          ))}
        </div>
      );
    case "preset":
      return (
        <div className="space-y-3">
          <p className="text-sm">
            <span className="text-slate-500">Tool:</span> <span className="font-medium">{content.tool}</span>
          </p>
          <pre className={block}>{JSON.stringify(content.settings, null, 2)}</pre>
          {content.notes ? <p className="whitespace-pre-line text-sm">{content.notes}</p> : null}
        </div>
      );
    case "template":
      return (
        <div className="space-y-3">
          <pre className={block}>{JSON.stringify(content.body, null, 2)}</pre>
          {content.notes ? <p className="whitespace-pre-line text-sm">{content.notes}</p> : null}
        </div>
      );
    case "test":
      return (
        <div className="space-y-3">
          <p className="text-sm text-slate-600">
            {content.questions.length} questions · pass mark {content.passMark}%{content.timeLimitMinutes ? ` · ${content.timeLimitMinutes} min` : ""}
          </p>
          <ol className="space-y-3">
            {content.questions.map((q, i) => (
              <li key={q.id} className="rounded-lg border border-slate-200 p-3 text-sm">
                <p className="font-medium">
                  {i + 1}. {q.question}
                </p>
                <ul className="mt-1 space-y-0.5">
                  {q.choices.map((c, ci) => (
                    <li key={ci} className={ci === q.correctIndex ? "font-medium text-emerald-700" : "text-slate-700"}>
                      {ci === q.correctIndex ? "✓ " : "○ "}
                      {c}
                      {ci === q.correctIndex ? <span className="sr-only"> (correct answer)</span> : null}
                    </li>
                  ))}
                </ul>
                {q.explanation ? <p className="mt-1 text-slate-500">{q.explanation}</p> : null}
              </li>
            ))}
          </ol>
        </div>
      );
    case "model":
      return (
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-500">Base model</dt>
          <dd>{content.baseModel}</dd>
          <dt className="text-slate-500">License</dt>
          <dd>{content.license}</dd>
          <dt className="text-slate-500">Format</dt>
          <dd>{content.format}</dd>
          <dt className="text-slate-500">File</dt>
          <dd>
            {file ? (
              <a href={`/api/files/${file.id}`} className="text-brand-700 hover:underline">
                {file.filename} ({formatBytes(file.byteSize)})
              </a>
            ) : (
              "—"
            )}
          </dd>
          <dt className="text-slate-500">SHA-256</dt>
          <dd className="break-all font-mono text-xs">{file?.sha256 ?? content.sha256}</dd>
          <dt className="text-slate-500">Usage</dt>
          <dd className="whitespace-pre-line">{content.usage || "—"}</dd>
        </dl>
      );
  }
}
