"use client";
import { Button } from "@/components/ui/button";

export default function DashboardError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="rounded-2xl border border-red-200 bg-red-50 p-6 text-red-800">
      <h1 className="text-lg font-semibold">Something went wrong loading your dashboard.</h1>
      <p className="mt-1 text-sm">Unsaved editor changes are kept in this browser and will be offered back when you return.</p>
      <Button type="button" className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
