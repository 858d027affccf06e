// One mail as it is sent: headers, the HTML part in a sandboxed frame (links open in the page), the text part with
// its links clickable. Development mail page only.
import type { ReactNode } from "react";

const URL_PATTERN = /(https?:\/\/[^\s<>"')]+)/g;

function linkify(text: string): ReactNode[] {
  return text.split(URL_PATTERN).map((part, i) =>
    i % 2 === 1 ? (
      <a key={i} href={part} className="text-brand-700 underline">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

export function MailPreview({
  to,
  subject,
  headers,
  html,
  text,
  htmlUrl,
}: {
  to: string;
  subject: string;
  headers: Record<string, string>;
  html: string;
  text: string;
  /** Where the HTML part opens on its own. */
  htmlUrl: string;
}) {
  // Links in the HTML part open in the whole window, as a mail client would.
  const framed = html.replace(/<head>/i, '<head><base target="_top">');
  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-xl border border-slate-200 bg-white p-4 text-sm">
        <dt className="text-slate-500">To</dt>
        <dd className="break-all">{to}</dd>
        <dt className="text-slate-500">Subject</dt>
        <dd className="font-medium">{subject}</dd>
        {Object.entries(headers).map(([name, value]) => (
          <div key={name} className="contents">
            <dt className="text-slate-500">{name}</dt>
            <dd className="break-all font-mono text-xs">{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="html-part" className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="html-part" className="text-lg font-semibold">
            HTML part
          </h2>
          <a href={htmlUrl} target="_blank" rel="noreferrer" className="text-sm text-brand-700 hover:underline">
            Open on its own
          </a>
        </div>
        <iframe
          title={`HTML part of “${subject}”`}
          srcDoc={framed}
          sandbox="allow-top-navigation-by-user-activation allow-popups"
          className="h-[640px] w-full rounded-xl border border-slate-200 bg-white"
        />
      </section>
      <section aria-labelledby="text-part" className="space-y-2">
        <h2 id="text-part" className="text-lg font-semibold">
          Text part
        </h2>
        <pre className="overflow-x-auto whitespace-pre-wrap rounded-xl border border-slate-200 bg-white p-4 text-sm">{linkify(text)}</pre>
      </section>
    </div>
  );
}
