// What an API key may do. Client-safe (the API keys page lists them); the api_keys_scopes_known check constraint restates the set in SQL.
export const API_KEY_SCOPES = ["library:read", "downloads"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** What each scope allows, in the words the API keys page and the errors use. */
export const API_KEY_SCOPE_LABELS: Record<ApiKeyScope, { label: string; allows: string }> = {
  "library:read": { label: "Read library", allows: "list what you own (GET /api/v1/me/library)" },
  downloads: { label: "Downloads", allows: "download the content you own (files and JSON)" },
};

export function isApiKeyScope(value: string): value is ApiKeyScope {
  return (API_KEY_SCOPES as readonly string[]).includes(value);
}
