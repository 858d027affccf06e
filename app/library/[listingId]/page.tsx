// /library/[listingId] — delivery of something the person may read. No loading.tsx in app/library on purpose:
// a streamed loading shell commits a 200 before notFound() runs, and a stranger must get a real 404.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AttemptHistory } from "@/components/library/attempt-history";
import { DeliveryContent } from "@/components/library/delivery-content";
import { VersionPicker } from "@/components/library/version-picker";
import { LicenseSummary } from "@/components/listings/license-summary";
import { MyReview } from "@/components/reviews/my-review";
import { submitTestAction } from "@/app/library/actions";
import { reviewActions } from "@/app/reviews/review-actions";
import { ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { getDb } from "@/db/client";
import { userOrSignIn } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { readDelivery } from "@/lib/library/delivery";
import { myTestAttempts } from "@/lib/library/test-attempts";
import { KIND_LABELS } from "@/lib/listings/kinds";
import { viewerReview } from "@/lib/reviews/list";
import { Section } from "@/components/ui/section";

type Props = { params: Promise<{ listingId: string }>; searchParams: Promise<{ v?: string | string[] }> };

/** `?v=N` picks an older approved version; anything that is not a whole number is not a page. */
function versionParam(v: string | string[] | undefined): number | undefined | null {
  if (v === undefined) return undefined;
  return typeof v === "string" && /^[1-9][0-9]{0,5}$/.test(v) ? Number(v) : null;
}

const load = cache(async (listingId: string, v: string | string[] | undefined) => {
  const user = await userOrSignIn(`/library/${listingId}`);
  const version = versionParam(v);
  if (version === null) notFound();
  try {
    return { user, delivered: await readDelivery(await getDb(), user, listingId, version), withdrawn: false as const };
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") notFound();
    if (isDomainError(error) && error.code === "library.withdrawn") return { user, delivered: null, withdrawn: true as const };
    throw error;
  }
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { listingId } = await params;
  const { v } = await searchParams;
  const { delivered } = await load(listingId, v);
  return { title: delivered ? delivered.listing.title : "Removed listing", robots: { index: false } };
}

export default async function LibraryItemPage({ params, searchParams }: Props) {
  const { listingId } = await params;
  const { v } = await searchParams;
  const { user, delivered } = await load(listingId, v);
  if (!delivered) {
    return (
      <div className="mx-auto max-w-lg py-16 text-center">
        <h1 className="text-2xl font-bold">This listing was removed</h1>
        <p className="mt-2 text-slate-600">
          Agora&apos;s moderators removed it as an unsafe file, so its content is no longer available. Your order stays in your history with its receipt.
        </p>
        <ButtonLink href="/library#orders" className="mt-6">
          Back to your library
        </ButtonLink>
      </div>
    );
  }
  const { listing, version, versions, content, relation, purchasedVersion } = delivered;
  const db = await getDb();
  const [attempts, review] = await Promise.all([
    content.kind === "test" && relation === "owner" ? myTestAttempts(db, user, listing.id) : [],
    relation === "owner" ? viewerReview(db, user, listing.id) : null,
  ]);
  const latest = versions.find((x) => x.current) ?? versions[0];
  const updatedSincePurchase = relation === "owner" && purchasedVersion !== null && latest && latest.number > purchasedVersion;

  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/library" className="text-brand-700 hover:underline">
          ← Your library
        </Link>
      </nav>
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-2 text-xs font-medium uppercase tracking-wide text-slate-500">
          <span>{KIND_LABELS[listing.kind]}</span>
          {relation === "creator" ? <span className="rounded bg-slate-200 px-1.5 py-0.5 normal-case text-slate-700">Your listing — creator view</span> : null}
          {relation === "admin" ? <span className="rounded bg-slate-200 px-1.5 py-0.5 normal-case text-slate-700">Admin view</span> : null}
        </div>
        <h1 className="text-2xl font-bold">{listing.title}</h1>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <VersionPicker
            listingId={listing.id}
            selected={version.number}
            versions={versions.map((x) => ({ number: x.number, current: x.current, releasedAt: x.releasedAt.toISOString() }))}
          />
          {listing.status === "published" ? (
            <Link href={`/l/${listing.slug}`} className="text-sm font-medium text-brand-700 hover:underline">
              View listing page
            </Link>
          ) : null}
        </div>
        {listing.status === "removed" ? (
          <Alert tone="warning" role="note">
            This listing was removed from Agora by its moderators. You keep what you bought: it stays here in your library.
          </Alert>
        ) : null}
        {!version.current && latest ? (
          <p className="rounded-lg border border-slate-200 bg-slate-100 px-3 py-2 text-sm text-slate-700">
            You&apos;re viewing v{version.number}, an older version.{" "}
            <Link href={`/library/${listing.id}`} className="font-medium text-brand-700 hover:underline">
              Open the latest (v{latest.number})
            </Link>
          </p>
        ) : updatedSincePurchase ? (
          <Alert tone="info">
            <Badge tone="solid" className="mr-1">
              Updated
            </Badge>
            You bought v{purchasedVersion}; this is v{latest.number}. Earlier versions stay available in the version menu.
          </Alert>
        ) : null}
        {version.changelog && version.number > 1 ? (
          <p className="text-sm text-slate-600">
            <span className="font-medium">What changed in v{version.number}</span> ({formatDate(version.releasedAt)}): {version.changelog}
          </p>
        ) : null}
      </header>

      {delivered.license ? (
        <Section id="license-heading" title={relation === "owner" ? "Your license" : "License"} className="space-y-2" headingClassName="text-lg font-semibold">
          {relation === "owner" && purchasedVersion !== null ? (
            <p className="text-sm text-slate-600">The license of v{purchasedVersion}, the version you bought. It stays yours whatever later versions offer.</p>
          ) : null}
          <LicenseSummary license={delivered.license} />
        </Section>
      ) : null}

      <section aria-label="Content">
        <DeliveryContent
          listingId={listing.id}
          versionNumber={version.number}
          content={content}
          recordsAttempts={relation === "owner"}
          submitTest={submitTestAction}
        />
      </section>

      {content.kind === "test" && relation === "owner" ? (
        <Section id="attempts-heading" title="Your attempts" className="space-y-3">
          <AttemptHistory attempts={attempts} />
        </Section>
      ) : null}

      {relation === "owner" ? <MyReview listingId={listing.id} viewer={review} actions={reviewActions} /> : null}
    </div>
  );
}
