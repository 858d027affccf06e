// GET /api/health — liveness, a database round trip and whether migrations are current (ARCHITECTURE.md, "Running many instances")
import { checkHealth } from "@/lib/health";
import { observedRoute } from "@/lib/observability/observed-route";

export const dynamic = "force-dynamic";

export const GET = observedRoute("health", async () => {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
});
