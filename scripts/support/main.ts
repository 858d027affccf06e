// Runs a script's async main: an error is printed and the process exits with 1.
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
