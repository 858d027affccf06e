// Types of node-log.mjs (plain JavaScript: Node loads it without Next's bundles).
import type { Logger } from "pino";

export function createNodeLog(): Logger;
