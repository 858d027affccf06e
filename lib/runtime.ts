// The Node.js major version Agora is built, tested and measured on: `.node-version`, `engines` in package.json (which
// Vercel deploys) and scripts/ensure-node.sh (CI and `npm test`) name the same one; runtime.test.ts keeps them equal.
export const SUPPORTED_NODE_MAJOR = 24;

/**
 * What the server logs at start when it runs on another major version of Node.js (`startup.node_version`), or null.
 * It still starts: the code runs on Node.js 20.19+, but nothing else is tested there, and on Node.js 20 (past its end
 * of life since April 2026) the server spent about a third more CPU a search (README, "Operating Agora").
 */
export function nodeVersionWarning(version: string): string | null {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  if (major === SUPPORTED_NODE_MAJOR) return null;
  return (
    `This server runs on Node.js ${version}; Agora is tested and measured on Node.js ${SUPPORTED_NODE_MAJOR} (.node-version).` +
    (major < SUPPORTED_NODE_MAJOR ? ` Older versions are slower and may no longer get security fixes: run Node.js ${SUPPORTED_NODE_MAJOR}.` : "")
  );
}
