import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BecomeCreatorForm } from "@/components/creators/become-creator-form";
import { isCreator } from "@/lib/auth/actor";
import { userOrSignIn } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { creatorSharePercent } from "@/lib/orders/pricing";
import { becomeCreatorAction } from "./actions";

export const metadata: Metadata = { title: "Become a creator" };

export default async function BecomeCreatorPage() {
  const user = await userOrSignIn("/become-creator");
  if (isCreator(user)) redirect("/dashboard");
  return (
    <div className="mx-auto max-w-lg">
      <h1 className="text-2xl font-bold">Sell on Agora</h1>
      <p className="mt-2 text-sm text-slate-600">
        Open a storefront for your prompts, presets, templates, tests and models. You keep {creatorSharePercent(env().PLATFORM_FEE_BPS)} of every sale, paid out
        monthly.
      </p>
      {user.status !== "active" ? (
        <p className="mt-6 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800">Suspended accounts can&apos;t open a storefront.</p>
      ) : (
        <div className="mt-6 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
          <BecomeCreatorForm action={becomeCreatorAction} defaultName={user.name} />
        </div>
      )}
    </div>
  );
}
