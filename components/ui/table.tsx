// A data table: a frame that scrolls sideways on small screens, a header row built from column specs, and
// body rows (the children) separated by hairlines. Rows keep their own cells, so each table says what it shows.
import type { ComponentProps, ReactNode } from "react";

export type Column = string | { label: ReactNode; align?: "right"; srOnly?: boolean };

/** boxed: a white bordered card with a grey header; plain: inside a card that already frames it. */
export type TableFrame = "boxed" | "plain";

const HEAD_CELL = { boxed: "px-3 py-2", roomy: "px-4 py-3", plain: "py-2 pr-3 last:pr-0" } as const;

export function DataTable({
  caption,
  columns,
  frame = "boxed",
  roomy = false,
  minWidth = "",
  children,
  ...table
}: Omit<ComponentProps<"table">, "className" | "frame"> & {
  caption?: string;
  columns: readonly Column[];
  frame?: TableFrame;
  /** Wider cells for tables that are a page's main content. */
  roomy?: boolean;
  /** A Tailwind min-width class such as "min-w-[44rem]", below which the table scrolls. */
  minWidth?: string;
  children: ReactNode;
}) {
  const boxed = frame === "boxed";
  const cell = boxed ? HEAD_CELL[roomy ? "roomy" : "boxed"] : HEAD_CELL.plain;
  return (
    // relative: a screen-reader-only header (absolutely positioned) stays inside the scrolling frame instead of widening the page.
    <div className={`relative overflow-x-auto ${boxed ? "rounded-xl border border-slate-200 bg-white" : ""}`}>
      <table className={`w-full text-left text-sm ${minWidth}`} {...table}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <TableHead
          columns={columns}
          className={`text-xs uppercase tracking-wide text-slate-500 ${boxed ? "border-b border-slate-200 bg-slate-50" : ""}`}
          cellClassName={cell}
        />
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

/** A header row from column specs, for tables laid out by hand (DataTable draws its own with it). */
export function TableHead({ columns, className, cellClassName = "" }: { columns: readonly Column[]; className?: string; cellClassName?: string }) {
  return (
    <thead className={className}>
      <tr>
        {columns.map((column, i) => {
          const c = typeof column === "string" ? { label: column } : column;
          return (
            <th key={i} scope="col" className={`${cellClassName} ${c.align === "right" ? "text-right" : ""}`}>
              {c.srOnly ? <span className="sr-only">{c.label}</span> : c.label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/** Columns of figures: their headers align right, over cells that do the same. */
export const rightAligned = (...labels: string[]): Column[] => labels.map((label) => ({ label, align: "right" }));
