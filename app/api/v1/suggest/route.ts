// GET /api/v1/suggest?q= — autocomplete: completed search phrases and listings whose title matches
import { z } from "zod";
import { cachedSuggest } from "@/lib/catalog/cache";
import { badParameter, preflight, publicGet } from "../_lib/http";
import { observedRoute } from "@/lib/observability/observed-route";

export const dynamic = "force-dynamic";

const schema = z.object({ q: z.string({ error: "q is required" }).max(100, "q must be 100 characters or fewer") });

export const GET = observedRoute("v1/suggest", async (request: Request) => {
  return publicGet(request, async (url) => {
    const parsed = schema.safeParse({ q: url.searchParams.get("q") ?? undefined });
    if (!parsed.success) return badParameter("q", parsed.error.issues[0]?.message ?? "q is not valid");
    const q = parsed.data.q.trim().replace(/\s+/g, " ").toLowerCase();
    return { body: await cachedSuggest(q) };
  });
});

export const OPTIONS = preflight;
