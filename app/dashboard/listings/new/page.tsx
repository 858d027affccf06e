import type { Metadata } from "next";
import { NewListingForm } from "@/components/dashboard/new-listing-form";
import { requireCreatorPage } from "@/lib/auth/session";
import { createListingAction } from "../actions";

export const metadata: Metadata = { title: "New listing" };

export default async function NewListingPage() {
  const user = await requireCreatorPage("/dashboard/listings/new");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">New listing</h1>
        <p className="mt-1 text-sm text-slate-600">It starts as a draft only you can see. Submit it for approval when it&apos;s ready.</p>
      </div>
      {user.status !== "active" ? (
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800">Suspended accounts can&apos;t create listings.</p>
      ) : (
        <div className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
          <NewListingForm action={createListingAction} />
        </div>
      )}
    </div>
  );
}
