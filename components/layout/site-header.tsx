// The header on every page: brand, search, navigation by role and the account menu.
import Link from "@/components/ui/link";
import { adminNeedsTwoFactor, isAdmin, isCreator, type Actor } from "@/lib/auth/actor";
import { NotificationBell } from "@/components/notifications/bell";
import { AccountMenu } from "./account-menu";
import { SearchBox } from "./search-box";

export function SiteHeader({ user, unread = 0, signOut }: { user: Actor | null; unread?: number; signOut: () => Promise<void> }) {
  const nav = "rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100";
  return (
    <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-4 py-3 sm:flex-nowrap">
        <Link href="/" className="text-xl font-bold tracking-tight text-brand-700">
          Agora
        </Link>
        <nav aria-label="Main" className="order-3 flex w-full items-center gap-1 overflow-x-auto sm:order-none sm:w-auto">
          <Link href="/browse" className={nav}>
            Browse
          </Link>
          {user ? (
            <Link href="/library" className={nav}>
              Library
            </Link>
          ) : null}
          {user?.creatorHandle ? (
            <Link href="/dashboard" className={nav}>
              Dashboard
            </Link>
          ) : null}
          {isAdmin(user) || adminNeedsTwoFactor(user) ? (
            <Link href="/admin" className={nav}>
              Admin
            </Link>
          ) : null}
        </nav>
        <div className="order-2 min-w-0 flex-1 sm:order-none">
          <SearchBox />
        </div>
        <div className="ml-auto flex items-center gap-2 sm:ml-0">
          {user ? <NotificationBell unread={unread} /> : null}
          {user ? (
            <AccountMenu
              name={user.name}
              email={user.email}
              isCreator={isCreator(user)}
              creatorHandle={user.creatorHandle}
              isAdmin={isAdmin(user) || adminNeedsTwoFactor(user)}
              signOut={signOut}
            />
          ) : (
            <>
              <Link href="/signin" className={nav}>
                Sign in
              </Link>
              <Link href="/signup" className="rounded-lg bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
