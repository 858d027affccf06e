// A page section named by its heading: screen readers list it as a region called `title`.
import type { ReactNode } from "react";

export function Section({
  id,
  title,
  className,
  headingClassName = "text-lg font-semibold",
  children,
}: {
  /** The heading's id, unique on the page. */
  id: string;
  title: ReactNode;
  className?: string;
  headingClassName?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className={headingClassName}>
        {title}
      </h2>
      {children}
    </section>
  );
}
