"use client";
// Lets components deep in a page (each review card) offer "Report" without threading the action through every
// layer: the page provides the report action and whether the viewer is signed in.
import { createContext, useContext, type ReactNode } from "react";
import type { FormAction } from "@/lib/validated-action";

export type ReportSetup = { action: FormAction; signedIn: boolean; returnTo: string };

const ReportContext = createContext<ReportSetup | null>(null);

export function ReportProvider({ value, children }: { value: ReportSetup; children: ReactNode }) {
  return <ReportContext.Provider value={value}>{children}</ReportContext.Provider>;
}

/** The page's report setup, or null where reporting is not offered. */
export function useReportSetup(): ReportSetup | null {
  return useContext(ReportContext);
}
