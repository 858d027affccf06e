// The message shown where a list has nothing in it yet, with what to do next.
import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { buttonClass } from "./button";

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
      <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
      {children ? <div className="mx-auto mt-2 max-w-md text-sm text-slate-600">{children}</div> : null}
      {action ? <div className="mt-6">{action}</div> : null}
    </div>
  );
}

/** A numbered page past the end of its list (the list got shorter since the link was made), with a way back to page 1. */
export function PastTheEnd({ firstPage, title = "Nothing on this page", children }: { firstPage: string; title?: string; children?: ReactNode }) {
  return (
    <EmptyState
      title={title}
      action={
        <Link href={firstPage} className={buttonClass("secondary")}>
          First page
        </Link>
      }
    >
      {children}
    </EmptyState>
  );
}
