import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { unstable_rethrow } from "next/navigation";
import type { ReactNode } from "react";
import { RequestIdProvider } from "@/components/layout/request-id";
import { SiteHeader } from "@/components/layout/site-header";
import { signOutAction } from "./(auth)/actions";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { paymentsTestMode } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import { currentRequestId } from "@/lib/observability/request-id";
import { unreadCount } from "@/lib/notifications/notifications";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Agora — marketplace for AI assets", template: "%s · Agora" },
  description: "Buy and sell prompts, presets, templates, online tests and fine-tuned models.",
};

/**
 * The header's person and unread count. When the database is down the header shows a signed-out visitor instead of
 * failing the whole layout: the page itself then fails inside it and app/error.tsx says so with the request id.
 * Nothing is granted by this: every page and action checks the person again.
 */
async function headerState() {
  try {
    const user = await getCurrentUser();
    return { user, unread: user ? await unreadCount(await getDb(), user) : 0 };
  } catch (error) {
    unstable_rethrow(error);
    logger.error({ event: "layout.header_failed", err: error }, "the header could not load the signed-in person");
    return { user: null, unread: 0 };
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [{ user, unread }, requestId] = await Promise.all([headerState(), currentRequestId()]);
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <RequestIdProvider requestId={requestId}>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
          >
            Skip to content
          </a>
          {paymentsTestMode() ? (
            <div className="bg-slate-900 px-4 py-1 text-center text-xs font-medium text-white">Test mode: payments are simulated and no card is charged.</div>
          ) : null}
          <SiteHeader user={user} unread={unread} signOut={signOutAction} />
          {user?.status === "suspended" ? (
            <div role="status" className="bg-amber-50 px-4 py-2 text-center text-sm text-amber-800">
              Your account is suspended: you can use your library, but not buy, sell or review.
            </div>
          ) : null}
          <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-8">
            {children}
          </main>
          <footer className="border-t border-slate-200 bg-white">
            <div className="mx-auto flex max-w-7xl flex-wrap gap-4 px-4 py-6 text-sm text-slate-500">
              <span>© Agora</span>
              <Link href="/browse" className="hover:text-slate-800">
                Browse
              </Link>
              <Link href="/become-creator" className="hover:text-slate-800">
                Sell on Agora
              </Link>
            </div>
          </footer>
        </RequestIdProvider>
      </body>
    </html>
  );
}
