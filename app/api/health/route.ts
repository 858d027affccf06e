// GET /api/health — liveness plus a database round trip (ARCHITECTURE.md, "Running many instances")
import { checkDatabase } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const db = await checkDatabase();
  const body = db === "ok" ? { status: "ok", db } : { status: "error", db };
  return Response.json(body, { status: db === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
