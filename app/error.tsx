"use client";

import { useEffect } from "react";
import { useRequestId } from "@/components/layout/request-id";
import { Button } from "@/components/ui/button";

// The digest is what the server logged this failure under, next to the request id (lib/observability/request-errors.ts).
// The request id (x-request-id) finds every log line of the request that failed.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const requestId = useRequestId();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="mt-2 text-slate-600">We hit a problem showing this page. Please try again in a moment.</p>
      {error.digest ? (
        <p className="mt-2 text-sm text-slate-500">
          If it keeps happening, tell support this reference. Reference: <code className="font-mono">{error.digest}</code>
        </p>
      ) : null}
      {requestId ? (
        <p className="mt-1 text-sm text-slate-500">
          Request id: <code className="font-mono">{requestId}</code>
        </p>
      ) : null}
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
