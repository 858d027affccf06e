// GET|POST /api/auth/* — Auth.js sign-in, callback, session and sign-out endpoints
import { handlers } from "@/lib/auth/config";
import { observedRoute } from "@/lib/observability/observed-route";

export const GET = observedRoute("auth", handlers.GET);
export const POST = observedRoute("auth", handlers.POST);
