// What the API keys page's server actions answer; the page passes the actions to these components as props.
import type { ActionState } from "@/lib/validated-action";

export type CreateApiKeyState = ActionState & { created?: { key: string; name: string } };
export type CreateApiKeyAction = (state: CreateApiKeyState, formData: FormData) => Promise<CreateApiKeyState>;

export type RevokeApiKeyResult = { ok: true } | { ok: false; error: string };
export type RevokeApiKeyAction = (keyId: string) => Promise<RevokeApiKeyResult>;
