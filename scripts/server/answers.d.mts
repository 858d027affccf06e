// Types of answers.mjs (plain JavaScript so that `npm start` runs it with node alone).
import type { IncomingMessage, ServerResponse } from "node:http";

export function pathOf(url: string | undefined): string;
export function bypassesQueue(req: IncomingMessage): boolean;
export function refuse(req: IncomingMessage, res: ServerResponse): void;
