"use client";
// Prints the current page (receipts).
import { Button } from "@/components/ui/button";

export function PrintButton() {
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()} className="print:hidden">
      Print receipt
    </Button>
  );
}
