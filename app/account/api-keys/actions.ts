"use server";
// API keys page actions: create (the key comes back once, in the action's answer) and revoke.
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { getDb } from "@/db/client";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/keys";
import { requireUser } from "@/lib/auth/session";
import { publicError } from "@/lib/errors";
import type { CreateApiKeyState, RevokeApiKeyResult } from "@/components/api-keys/api-key-actions";

/** Not validatedAction: scopes are repeated checkboxes (formData.getAll), and the answer carries the new key. */
export async function createApiKeyAction(_prev: CreateApiKeyState, formData: FormData): Promise<CreateApiKeyState> {
  try {
    const user = await requireUser();
    const { key, apiKey } = await createApiKey(await getDb(), user, {
      name: String(formData.get("name") ?? ""),
      scopes: formData.getAll("scopes").map(String) as never,
    });
    revalidatePath("/account/api-keys");
    return { ok: true, created: { key, name: apiKey.name } };
  } catch (error) {
    unstable_rethrow(error);
    const failure = publicError(error);
    if (failure.status >= 500) console.error("[api keys] create failed", error);
    return { error: failure.message, fieldErrors: failure.fieldErrors, values: { name: String(formData.get("name") ?? "") } };
  }
}

export async function revokeApiKeyAction(keyId: string): Promise<RevokeApiKeyResult> {
  try {
    await revokeApiKey(await getDb(), await requireUser(), keyId);
    revalidatePath("/account/api-keys");
    return { ok: true };
  } catch (error) {
    unstable_rethrow(error);
    const failure = publicError(error);
    if (failure.status >= 500) console.error("[api keys] revoke failed", error);
    return { ok: false, error: failure.message };
  }
}
