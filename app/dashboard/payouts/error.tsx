"use client";
import { Button } from "@/components/ui/button";

export default function PayoutsError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="rounded-2xl border border-red-200 bg-red-50 p-6 text-red-800">
      <h1 className="text-lg font-semibold">We couldn&apos;t load your payouts.</h1>
      <p className="mt-1 text-sm">Your balance and payouts are safe; this page failed to read them. Try again in a moment.</p>
      <Button type="button" className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
