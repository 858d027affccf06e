// Filling a prompt template's {{variables}}: pure, so the browser fills as the buyer types and tests pin it down.

export type PromptSegment = { type: "text"; text: string } | { type: "variable"; name: string; value: string | null };

const VARIABLE = /\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g;

/**
 * The template split into literal text and variables with their values (null when not filled yet),
 * so a view can highlight what is still missing. Values are inserted verbatim: a value that itself
 * contains `{{x}}` is never expanded again.
 */
export function promptSegments(template: string, values: Record<string, string>): PromptSegment[] {
  const segments: PromptSegment[] = [];
  let last = 0;
  for (const match of template.matchAll(VARIABLE)) {
    const index = match.index ?? 0;
    if (index > last) segments.push({ type: "text", text: template.slice(last, index) });
    const name = match[1];
    const value = Object.prototype.hasOwnProperty.call(values, name) && values[name].trim() !== "" ? values[name] : null;
    segments.push({ type: "variable", name, value });
    last = index + match[0].length;
  }
  if (last < template.length) segments.push({ type: "text", text: template.slice(last) });
  return segments;
}

/** The filled prompt; variables without a value stay as `{{name}}` so nothing silently disappears. */
export function fillPrompt(template: string, values: Record<string, string>): string {
  return promptSegments(template, values)
    .map((s) => (s.type === "text" ? s.text : (s.value ?? `{{${s.name}}}`)))
    .join("");
}

/** Names of variables that are still empty, in order of first use. */
export function missingVariables(template: string, values: Record<string, string>): string[] {
  const missing: string[] = [];
  for (const s of promptSegments(template, values)) {
    if (s.type === "variable" && s.value === null && !missing.includes(s.name)) missing.push(s.name);
  }
  return missing;
}
