"use client";
// Recovery codes, shown once: a list to copy or download, each usable once instead of an app code.
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";

export function RecoveryCodes({ codes }: { codes: string[] }) {
  const [copied, setCopied] = useState(false);
  const text = codes.join("\n");
  return (
    <div className="space-y-3">
      <Alert tone="warning">Save these recovery codes now: this is the only time they are shown. Each one signs you in once if you lose your phone.</Alert>
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-2 rounded-lg bg-slate-50 p-3 font-mono text-sm">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(text);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy codes"}
        </Button>
        <a
          className={buttonClass("secondary")}
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(`Agora recovery codes\n\n${text}\n`)}`}
          download="agora-recovery-codes.txt"
        >
          Download
        </a>
      </div>
    </div>
  );
}
