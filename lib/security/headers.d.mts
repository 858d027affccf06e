// Types of headers.mjs (plain JavaScript so that next.config.mjs and `npm start`'s server import it with node alone).
export function staticSecurityHeaders(production?: boolean): Record<string, string>;
