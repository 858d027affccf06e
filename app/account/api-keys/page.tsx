import type { Metadata } from "next";
import { ApiKeyList } from "@/components/api-keys/api-key-list";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { listApiKeys } from "@/lib/api-keys/keys";
import { userOrSignIn } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const user = await userOrSignIn("/account/api-keys");
  const keys = await listApiKeys(await getDb(), user);
  const base = env().appUrl;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">API keys</h1>
        <p className="text-sm text-slate-600">
          Keys let your own scripts read your library and download what you own, without your password. Send a key in the <code>Authorization</code> header:
        </p>
        <pre className="overflow-x-auto rounded-lg bg-slate-900 p-3 text-xs text-slate-100">
          <code>{`curl -H "Authorization: Bearer agora_…" ${base}/api/v1/me/library`}</code>
        </pre>
      </div>
      <CreateApiKeyForm action={createApiKeyAction} />
      <section aria-labelledby="keys-title" className="space-y-3">
        <h2 id="keys-title" className="text-lg font-semibold">
          Your keys
        </h2>
        {keys.length === 0 ? (
          <EmptyState title="No API keys yet">Create one above when a script needs to read your library or download your files.</EmptyState>
        ) : (
          <ApiKeyList keys={keys} revoke={revokeApiKeyAction} />
        )}
      </section>
    </div>
  );
}
