"use client";
// Prints the statement (the page hides the site around it when printing).
import { Button } from "@/components/ui/button";

export function PrintStatementButton() {
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()} className="print:hidden">
      Print statement
    </Button>
  );
}
