"use client";
// The signed-in person's menu: keyboard and screen-reader friendly, closes on Escape and outside clicks.
import Link from "@/components/ui/link";
import { useEffect, useId, useRef, useState } from "react";

export type AccountMenuProps = {
  name: string;
  email: string;
  isCreator: boolean;
  creatorHandle: string | null;
  isAdmin: boolean;
  signOut: () => Promise<void>;
};

export function AccountMenu({ name, email, isCreator, creatorHandle, isAdmin, signOut }: AccountMenuProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && setOpen(false);
    const onClick = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  const item = "block w-full px-4 py-2 text-left text-sm text-slate-700 hover:bg-slate-100 focus-visible:bg-slate-100";
  return (
    <div className="relative" ref={root}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((v) => !v)}
        className="flex items-center gap-2 rounded-full border border-slate-300 bg-white py-1 pl-1 pr-3 text-sm hover:bg-slate-100"
      >
        <span aria-hidden className="flex h-7 w-7 items-center justify-center rounded-full bg-brand-600 text-xs font-semibold text-white">
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span className="max-w-32 truncate">{name}</span>
      </button>
      {open ? (
        <div id={menuId} role="menu" className="absolute right-0 z-30 mt-2 w-60 overflow-hidden rounded-xl border border-slate-200 bg-white py-1 shadow-lg">
          <p className="truncate border-b border-slate-100 px-4 py-2 text-xs text-slate-500">{email}</p>
          <Link role="menuitem" href="/library" className={item} onClick={() => setOpen(false)}>
            Library
          </Link>
          <Link role="menuitem" href="/account" className={item} onClick={() => setOpen(false)}>
            Account
          </Link>
          {isCreator && creatorHandle ? (
            <>
              <Link role="menuitem" href="/dashboard" className={item} onClick={() => setOpen(false)}>
                Creator dashboard
              </Link>
              <Link role="menuitem" href={`/c/${creatorHandle}`} className={item} onClick={() => setOpen(false)}>
                My storefront
              </Link>
            </>
          ) : (
            <Link role="menuitem" href="/become-creator" className={item} onClick={() => setOpen(false)}>
              Become a creator
            </Link>
          )}
          {isAdmin ? (
            <Link role="menuitem" href="/admin" className={item} onClick={() => setOpen(false)}>
              Admin
            </Link>
          ) : null}
          <form action={signOut} className="border-t border-slate-100">
            <button role="menuitem" type="submit" className={item}>
              Sign out
            </button>
          </form>
        </div>
      ) : null}
    </div>
  );
}
