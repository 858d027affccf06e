"use client";
// Prints the current page; pages that print hide the site around them with print: classes.
import { Button } from "@/components/ui/button";

export function PrintButton({ children }: { children: string }) {
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()} className="print:hidden">
      {children}
    </Button>
  );
}
