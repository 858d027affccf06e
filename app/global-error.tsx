"use client";

// Shown when the root layout itself fails (the database is down, say); the digest is the reference in the server log.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem 1rem", textAlign: "center" }}>
        <h1>Agora is having trouble</h1>
        <p>Please try again in a moment.</p>
        {error.digest ? (
          <p style={{ color: "#64748b", fontSize: "0.875rem" }}>
            If it keeps happening, tell support this reference. Reference: <code>{error.digest}</code>
          </p>
        ) : null}
        <button type="button" onClick={reset}>
          Try again
        </button>
      </body>
    </html>
  );
}
