// Records every error that publicError turns into a 500, for the fuzz suites (lib/testing/fuzz.ts): a suite mocks
// `@/lib/errors/domain-error` with `recordingInternalErrors`, and a caught-and-swallowed 500 is still seen.
// It imports nothing from lib/errors, so the mock factory can load it without loading the module it replaces.

const seen: unknown[] = [];

/** The errors recorded since the last call, and forgets them. */
export function takeInternalErrors(): unknown[] {
  return seen.splice(0, seen.length);
}

type PublicErrorModule = { publicError: (error: unknown) => { status: number } };

/** The real module with a publicError that records what it maps to a 5xx. */
export function recordingInternalErrors<M extends PublicErrorModule>(original: M): M {
  return {
    ...original,
    publicError: (error: unknown) => {
      const failure = original.publicError(error);
      if (failure.status >= 500) seen.push(error);
      return failure;
    },
  };
}
