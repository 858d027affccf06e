"use client";
// The person's API keys: name, prefix and creation date, scopes, last use; revoking asks first and takes effect on the next request.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmButton } from "@/components/dashboard/confirm-dialog";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/table";
import type { ApiKeySummary } from "@/lib/api-keys/keys";
import { formatDateTime } from "@/lib/format";
import type { RevokeApiKeyAction } from "./api-key-actions";

export function ApiKeyList({ keys, revoke }: { keys: ApiKeySummary[]; revoke: RevokeApiKeyAction }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  return (
    <div className="space-y-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <DataTable caption="Your API keys" columns={["Name", "Scopes", "Last used", { label: "Actions", srOnly: true }]} minWidth="min-w-[30rem]">
        {keys.map((k) => (
          <tr key={k.id} className={k.revokedAt ? "text-slate-500" : ""}>
            <td className="px-3 py-2">
              <span className="block font-medium">{k.name}</span>
              <span className="block font-mono text-xs">{k.prefix}…</span>
              <span className="block text-xs text-slate-500">Created {formatDateTime(k.createdAt)}</span>
            </td>
            <td className="px-3 py-2">
              <span className="flex flex-wrap gap-1">
                {k.scopes.map((s) => (
                  <Badge key={s} tone="neutral">
                    {s}
                  </Badge>
                ))}
              </span>
            </td>
            <td className="px-3 py-2">{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : "Never"}</td>
            <td className="px-3 py-2 text-right">
              {k.revokedAt ? (
                <Badge tone="danger">Revoked</Badge>
              ) : (
                <ConfirmButton
                  label={<span aria-label={`Revoke ${k.name}`}>Revoke</span>}
                  className="px-3 py-1"
                  title={`Revoke “${k.name}”?`}
                  confirmLabel="Revoke key"
                  onConfirm={async () => {
                    const result = await revoke(k.id);
                    setMessage(
                      result.ok
                        ? { tone: "success", text: `“${k.name}” is revoked: requests with it are refused from now on.` }
                        : { tone: "error", text: result.error },
                    );
                    startTransition(() => router.refresh());
                  }}
                >
                  Scripts using this key stop working at once. This can&apos;t be undone; you can create a new key.
                </ConfirmButton>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
