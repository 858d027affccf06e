// GET /api/v1/me/library?cursor&limit&q&updated — the API key owner's library (scope library:read) → {items, nextCursor}; Authorization: Bearer agora_…
import { getDb } from "@/db/client";
import { answerForCaller } from "@/lib/api-keys/request";
import { libraryPage, parseLibraryQuery } from "@/lib/api-keys/library-api";
import { DomainError } from "@/lib/errors";
import { badParameter } from "../../_lib/http";
import { observedRoute } from "@/lib/observability/observed-route";

export const dynamic = "force-dynamic";

export const GET = observedRoute("v1/me/library", async (request: Request) => {
  return answerForCaller(request, { scope: "library:read", session: false, log: "api me/library" }, async (actor) => {
    if (!actor) throw new DomainError("apikey.missing");
    const parsed = parseLibraryQuery(new URL(request.url).searchParams);
    if (!parsed.ok) return badParameter(parsed.parameter, parsed.message);
    const page = await libraryPage(await getDb(), actor, parsed.query);
    if (!page) return badParameter("cursor", "cursor is not valid (it was altered, or the order it points at left your library)");
    return Response.json(page, { headers: { "Cache-Control": "private, no-store" } });
  });
});
