"use client";
// The id of the request that rendered the page (x-request-id), for error pages: support finds the request's log lines by it.
import { createContext, useContext, type ReactNode } from "react";

const RequestIdContext = createContext<string | undefined>(undefined);

export function RequestIdProvider({ requestId, children }: { requestId: string | undefined; children: ReactNode }) {
  return <RequestIdContext.Provider value={requestId}>{children}</RequestIdContext.Provider>;
}

export function useRequestId(): string | undefined {
  return useContext(RequestIdContext);
}
