// The paid content of one version, delivered the way its kind is used: fill a prompt, read or download JSON, take a test, download a file.
import type { DeliveredContent } from "@/lib/library/delivery";
import { JsonView } from "./json-view";
import { ModelDelivery } from "./model-delivery";
import { PromptFiller } from "./prompt-filler";
import { TestRunner, type SubmitTest } from "./test-runner";

function Notes({ text }: { text: string }) {
  if (!text.trim()) return null;
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4">
      <h3 className="font-medium">Notes from the creator</h3>
      <p className="mt-2 whitespace-pre-line text-sm text-slate-700">{text}</p>
    </div>
  );
}

export function DeliveryContent({
  listingId,
  versionNumber,
  content,
  recordsAttempts,
  submitTest,
}: {
  listingId: string;
  versionNumber: number;
  content: DeliveredContent;
  recordsAttempts: boolean;
  submitTest: SubmitTest;
}) {
  const jsonHref = `/api/library/${listingId}/json?version=${versionNumber}`;
  switch (content.kind) {
    case "prompt":
      return (
        <div className="space-y-6">
          <p className="text-sm text-slate-600">
            Written for <span className="font-medium text-slate-800">{content.targetModel}</span>. Fill in the variables, then copy the prompt.
          </p>
          <PromptFiller template={content.template} variables={content.variables} />
          {content.exampleOutputs.length ? (
            <div className="space-y-3">
              <h3 className="font-medium">Example outputs</h3>
              {content.exampleOutputs.map((ex, i) => (
                <figure key={i} className="rounded-xl border border-slate-200 bg-white p-4 text-sm">
                  {ex.input ? <figcaption className="mb-2 text-xs text-slate-500">Input: {ex.input}</figcaption> : null}
                  <p className="whitespace-pre-line text-slate-700">{ex.output}</p>
                </figure>
              ))}
            </div>
          ) : null}
        </div>
      );
    case "preset":
      return (
        <div className="space-y-6">
          <p className="text-sm text-slate-600">
            Settings for <span className="font-medium text-slate-800">{content.tool}</span>. Import the .json file or copy the values.
          </p>
          <JsonView document={content.settings} downloadHref={jsonHref} label="Preset settings" />
          <Notes text={content.notes} />
        </div>
      );
    case "template":
      return (
        <div className="space-y-6">
          <JsonView document={content.body} downloadHref={jsonHref} label="Template (JSON)" />
          <Notes text={content.notes} />
        </div>
      );
    case "test":
      return <TestRunner listingId={listingId} versionNumber={versionNumber} test={content} recorded={recordsAttempts} submitTest={submitTest} />;
    case "model":
      return <ModelDelivery listingId={listingId} versionNumber={versionNumber} content={content} />;
  }
}
