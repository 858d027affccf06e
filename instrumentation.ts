// Runs once when a server starts: validate the environment, then prepare the embedded database. onRequestError logs
// every server error Next captures with its digest (the reference error pages show) and the request id.
import type { Instrumentation } from "next";

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("@/lib/observability/request-errors");
  logRequestError(error, request, context);
};

export async function register() {
  // Next compiles this file for the Edge runtime too: the Node.js work lives in instrumentation-node.ts, imported only
  // where it runs (Next's documented pattern), so the Edge build never sees it.
  if (process.env.NEXT_RUNTIME === "nodejs") await (await import("./instrumentation-node")).registerNode();
}
