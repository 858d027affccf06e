// One id per request: accepted from a well-formed `x-request-id` (a load balancer's) or made by the proxy, handed to
// pages and route handlers as a request header, returned in the response, written on every log line.
export const REQUEST_ID_HEADER = "x-request-id";

const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

/** The caller's id when it is safe to echo and log (no spaces, quotes or control characters), else a fresh one. */
export function requestIdFor(headers: Headers): string {
  const offered = headers.get(REQUEST_ID_HEADER);
  return offered && WELL_FORMED.test(offered) ? offered : crypto.randomUUID();
}

/** The id of the request being served (from the header the proxy set), or undefined outside a request. */
export async function currentRequestId(): Promise<string | undefined> {
  try {
    const { headers } = await import("next/headers");
    const id = (await headers()).get(REQUEST_ID_HEADER);
    return id && WELL_FORMED.test(id) ? id : undefined;
  } catch {
    // Outside a request (scripts, tests, after the response): no id.
    return undefined;
  }
}
