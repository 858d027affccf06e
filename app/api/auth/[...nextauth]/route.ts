// GET|POST /api/auth/* — Auth.js sign-in, callback, session and sign-out endpoints
import type { NextRequest } from "next/server";
import { assertAuthCallbackUrl } from "@/lib/auth/callback-url";
import { handlers } from "@/lib/auth/config";
import { errorResponse } from "@/lib/errors";
import { observedRoute } from "@/lib/observability/observed-route";

/** A callbackUrl Auth.js can't parse is a 400 here, not its 500 "server configuration" page. */
const checked = (handler: (request: NextRequest) => Promise<Response>) => async (request: NextRequest) => {
  try {
    assertAuthCallbackUrl(request);
  } catch (error) {
    return errorResponse(error, { log: "auth" });
  }
  return handler(request);
};

export const GET = observedRoute("auth", checked(handlers.GET));
export const POST = observedRoute("auth", checked(handlers.POST));
