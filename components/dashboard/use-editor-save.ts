"use client";
// Saving in the editor: one save at a time (a queue), autosave after a pause in typing, a copy of unsaved
// work in localStorage so nothing typed is lost to a failed save, a closed tab or a crash.
import { useCallback, useEffect, useRef, useState } from "react";

export type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: Date } | { kind: "error"; message: string };

/** A serial queue: each job starts when the previous one has finished. */
export function useSerialQueue() {
  const tail = useRef<Promise<unknown>>(Promise.resolve());
  return useCallback(<T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.current.then(job, job);
    tail.current = run.catch(() => undefined);
    return run;
  }, []);
}

/** Calls `save` `delay` ms after the last change while `enabled`. */
export function useDebouncedSave(enabled: boolean, deps: unknown[], save: () => void, delay = 1200) {
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    if (!enabled) return;
    const timer = setTimeout(() => saveRef.current(), delay);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-arm on every change of the watched values
  }, [enabled, delay, ...deps]);
}

export type LocalCopy<T> = { value: T; at: number };

/** Keeps `value` in localStorage while `dirty`; removes it once everything is saved. */
export function useLocalCopy<T>(key: string, value: T, dirty: boolean) {
  useEffect(() => {
    try {
      if (dirty) window.localStorage.setItem(key, JSON.stringify({ value, at: Date.now() } satisfies LocalCopy<T>));
      else window.localStorage.removeItem(key);
    } catch {
      // Storage full or disabled: the server copy is all there is.
    }
  }, [key, value, dirty]);
}

export function readLocalCopy<T>(key: string): LocalCopy<T> | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as LocalCopy<T>) : null;
  } catch {
    return null;
  }
}

/** Warns before leaving the page while something is unsaved. */
export function useLeaveWarning(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [active]);
}

export function useSaveState() {
  return useState<SaveState>({ kind: "idle" });
}
