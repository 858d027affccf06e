// /l/[slug] — a published listing: cover, preview, description, price, creator, reviews, versions and neighbours.
import type { Metadata } from "next";
import Image from "next/image";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { Rail } from "@/components/catalog/rail";
import { CreatorCard } from "@/components/listings/creator-card";
import { LicenseCard } from "@/components/listings/license-summary";
import { ListingPreview } from "@/components/listings/listing-preview";
import { ModelFileFacts } from "@/components/listings/model-file-report";
import { PurchaseBox } from "@/components/listings/purchase-box";
import { ReportProvider } from "@/components/reports/report-context";
import { ReportDialog } from "@/components/reports/report-dialog";
import { ListingReviews } from "@/components/reviews/listing-reviews";
import { buyAction } from "@/app/checkout/actions";
import { fileReportAction } from "@/app/reports/actions";
import { reviewActions } from "@/app/reviews/review-actions";
import { recordListingView } from "@/lib/listings/views";
import { VersionHistory } from "@/components/listings/version-history";
import { Stars } from "@/components/ui/stars";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { cachedListingPage } from "@/lib/catalog/cache";
import { categoryName } from "@/lib/catalog/categories";
import { viewerRelation } from "@/lib/catalog/listing";
import type { ListingRelation } from "@/lib/listings/relation";
import { listingReviewsView } from "@/lib/reviews/list";
import { markdownToText, renderMarkdown } from "@/lib/catalog/markdown";
import { productJsonLd } from "@/lib/catalog/structured-data";
import { env } from "@/lib/env";
import { KIND_LABELS } from "@/lib/listings/kinds";
import { Section } from "@/components/ui/section";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const page = await cachedListingPage((await params).slug);
  if (!page) return { title: "Listing not found" };
  const { listing } = page;
  const description = listing.summary || markdownToText(listing.description, 160);
  const images = listing.coverImageId ? [{ url: `${env().appUrl}/api/images/${listing.coverImageId}`, alt: listing.title }] : undefined;
  return {
    title: listing.title,
    description,
    alternates: { canonical: `/l/${listing.slug}` },
    openGraph: { type: "website", title: listing.title, description, url: `${env().appUrl}/l/${listing.slug}`, images },
    twitter: { card: images ? "summary_large_image" : "summary", title: listing.title, description },
  };
}

const CHECKOUT_NOTICES: Record<string, string> = {
  cancelled: "Checkout cancelled — you haven't been charged.",
  failed: "The payment didn't go through and no money was taken. You can try again.",
};

export default async function ListingPage({ params, searchParams }: { params: Params; searchParams: Promise<{ checkout?: string; reviews?: string }> }) {
  const { slug } = await params;
  const query = await searchParams;
  const [page, user] = await Promise.all([cachedListingPage(slug), getCurrentUser()]);
  if (!page) notFound();
  const { listing, versions, related, more, creator } = page;
  recordListingView(listing.id);
  const db = await getDb();
  const [relation, reviews] = await Promise.all([
    user ? viewerRelation(db, user.id, listing).then((r): ListingRelation => r ?? "visitor") : ("signed_out" as const),
    listingReviewsView(db, user, listing.id, query.reviews),
  ]);
  const jsonLd = productJsonLd(listing, env().appUrl);

  return (
    <article className="space-y-10">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/browse" className="hover:underline">
          Browse
        </Link>
        {" / "}
        <Link href={`/browse?category=${listing.category}`} className="hover:underline">
          {categoryName(listing.category)}
        </Link>
      </nav>

      <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-6">
          <header className="space-y-2">
            <p className="text-sm font-medium text-brand-700">{KIND_LABELS[listing.kind]}</p>
            <h1 className="text-3xl font-bold tracking-tight">{listing.title}</h1>
            {listing.summary ? <p className="text-lg text-slate-600">{listing.summary}</p> : null}
            <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
              <Stars value={listing.ratingAvg} count={listing.ratingCount} />
              <span>{listing.salesCount.toLocaleString("en-US")} sales</span>
              <span>
                by{" "}
                <Link href={`/c/${listing.creatorHandle}`} className="font-medium text-slate-900 hover:underline">
                  {listing.creatorName}
                </Link>
              </span>
            </div>
          </header>
          <div className="relative aspect-[16/9] overflow-hidden rounded-2xl bg-slate-100">
            {listing.coverImageId ? (
              <Image
                src={`/api/images/${listing.coverImageId}`}
                alt={`Cover of ${listing.title}`}
                fill
                priority
                sizes="(max-width: 1024px) 100vw, 800px"
                className="object-cover"
                unoptimized
              />
            ) : (
              <div className="flex h-full items-center justify-center text-4xl font-bold text-slate-300">{KIND_LABELS[listing.kind]}</div>
            )}
          </div>
          <Section id="preview-heading" title="Preview" className="space-y-3" headingClassName="text-xl font-semibold">
            <ListingPreview preview={listing.preview} />
          </Section>
          {listing.modelFile ? (
            <Section id="model-file-heading" title="Model file" className="space-y-3" headingClassName="text-xl font-semibold">
              <p className="text-sm text-slate-600">Checked by Agora from the file itself when it was uploaded.</p>
              <ModelFileFacts report={listing.modelFile} sha256={listing.modelFile.sha256} />
            </Section>
          ) : null}
          <Section id="description-heading" title="Description" className="space-y-3" headingClassName="text-xl font-semibold">
            <div
              className="space-y-3 text-sm leading-6 text-slate-700 [&_a]:text-brand-700 [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_h2]:mt-4 [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:pl-5 [&_pre]:overflow-x-auto [&_pre]:rounded-lg [&_pre]:bg-slate-900 [&_pre]:p-3 [&_pre]:text-slate-100 [&_ul]:list-disc [&_ul]:pl-5"
              dangerouslySetInnerHTML={{ __html: renderMarkdown(listing.description) }}
            />
            {listing.tags.length ? (
              <ul className="flex flex-wrap gap-2" aria-label="Tags">
                {listing.tags.map((tag) => (
                  <li key={tag}>
                    <Link
                      href={`/browse?q=${encodeURIComponent(tag)}`}
                      className="rounded-full bg-slate-100 px-2.5 py-1 text-xs text-slate-700 hover:bg-slate-200"
                    >
                      #{tag}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </Section>
          {reviews ? (
            <ReportProvider value={{ action: fileReportAction, signedIn: Boolean(user), returnTo: `/l/${listing.slug}` }}>
              <ListingReviews listingId={listing.id} reviews={reviews} actions={reviewActions} returnTo={`/l/${listing.slug}`} />
            </ReportProvider>
          ) : null}
          <Section id="versions-heading" title="Version history" className="space-y-3" headingClassName="text-xl font-semibold">
            <VersionHistory versions={versions} />
          </Section>
        </div>
        <aside className="space-y-4 lg:sticky lg:top-20 lg:self-start">
          <PurchaseBox
            buy={buyAction}
            listingId={listing.id}
            slug={listing.slug}
            priceCents={listing.priceCents}
            currency={listing.currency}
            relation={relation}
            notice={query.checkout ? CHECKOUT_NOTICES[query.checkout] : undefined}
          />
          <LicenseCard license={listing.license} />
          <CreatorCard handle={listing.creatorHandle} name={listing.creatorName} bio={listing.creatorBio} totals={creator} />
          {relation !== "creator" ? (
            <ReportDialog targetType="listing" targetId={listing.id} action={fileReportAction} signedIn={Boolean(user)} returnTo={`/l/${listing.slug}`} />
          ) : null}
        </aside>
      </div>

      <Rail id="related" title="Related listings" href={`/browse?category=${listing.category}`} listings={related} empty="Nothing related yet." />
      <Rail
        id="more-from-creator"
        title={`More from ${listing.creatorName}`}
        href={`/c/${listing.creatorHandle}`}
        listings={more}
        empty="This is their only listing so far."
      />
    </article>
  );
}
