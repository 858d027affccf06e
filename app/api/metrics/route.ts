// GET /api/metrics — Prometheus text for a scraper with `Authorization: Bearer $METRICS_TOKEN` (README, "Operating Agora")
import { errorResponse } from "@/lib/errors";
import { observedRoute } from "@/lib/observability/observed-route";
import { metricsText, PROMETHEUS_CONTENT_TYPE, scrapeAccess } from "@/lib/observability/scrape";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

export const GET = observedRoute("metrics", async (request: Request) => {
  const access = scrapeAccess(request.headers.get("authorization"));
  if (access === "hidden") return new Response("Not found", { status: 404, headers: NO_STORE });
  if (access === "unauthorized") {
    return Response.json(
      { error: "unauthorized", message: "Send the metrics token: Authorization: Bearer $METRICS_TOKEN." },
      { status: 401, headers: { ...NO_STORE, "WWW-Authenticate": 'Bearer realm="metrics"' } },
    );
  }
  try {
    return new Response(await metricsText(), { headers: { ...NO_STORE, "Content-Type": PROMETHEUS_CONTENT_TYPE } });
  } catch (error) {
    return errorResponse(error, { log: "metrics" });
  }
});
