// What changed between the live version and the one waiting for approval: content rendered as readable
// lines (multi-line text kept as lines, not JSON escapes), then a line diff (LCS over the changed middle).
export type DiffLine = { op: "same" | "add" | "del"; text: string };

const MAX_DIFF_CELLS = 25_000_000;

/** Readable, stable lines for any JSON-like value: keys in order, strings split on newlines. */
export function contentLines(value: unknown, indent = ""): string[] {
  const lines: string[] = [];
  const write = (key: string, v: unknown) => {
    if (v === null || v === undefined) lines.push(`${indent}${key}: —`);
    else if (typeof v === "string") {
      const parts = v.split("\n");
      if (parts.length === 1) lines.push(`${indent}${key}: ${v}`);
      else {
        lines.push(`${indent}${key}: |`);
        for (const part of parts) lines.push(`${indent}  ${part}`);
      }
    } else if (typeof v === "object") {
      const empty = Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0;
      if (empty) lines.push(`${indent}${key}: ${Array.isArray(v) ? "[]" : "{}"}`);
      else {
        lines.push(`${indent}${key}:`);
        lines.push(...contentLines(v, `${indent}  `));
      }
    } else lines.push(`${indent}${key}: ${String(v)}`);
  };
  if (Array.isArray(value)) value.forEach((item, i) => write(`[${i + 1}]`, item));
  else if (value && typeof value === "object") for (const [key, v] of Object.entries(value)) write(key, v);
  else lines.push(`${indent}${String(value)}`);
  return lines;
}

/** Line diff of `before` → `after`. */
export function lineDiff(before: string[], after: string[]): DiffLine[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endA = before.length;
  let endB = after.length;
  while (endA > start && endB > start && before[endA - 1] === after[endB - 1]) {
    endA--;
    endB--;
  }
  const a = before.slice(start, endA);
  const b = after.slice(start, endB);
  const middle: DiffLine[] = [];
  if (a.length * b.length > MAX_DIFF_CELLS) {
    // Too large to align line by line: show it as replaced.
    middle.push(...a.map((text) => ({ op: "del" as const, text })), ...b.map((text) => ({ op: "add" as const, text })));
  } else {
    const width = b.length + 1;
    const lcs = new Uint32Array((a.length + 1) * width);
    for (let i = a.length - 1; i >= 0; i--) {
      for (let j = b.length - 1; j >= 0; j--) {
        lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) {
        middle.push({ op: "same", text: a[i] });
        i++;
        j++;
      } else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) middle.push({ op: "del", text: a[i++] });
      else middle.push({ op: "add", text: b[j++] });
    }
    while (i < a.length) middle.push({ op: "del", text: a[i++] });
    while (j < b.length) middle.push({ op: "add", text: b[j++] });
  }
  return [
    ...before.slice(0, start).map((text) => ({ op: "same" as const, text })),
    ...middle,
    ...before.slice(endA).map((text) => ({ op: "same" as const, text })),
  ];
}

export type DiffHunk = { lines: DiffLine[]; skippedBefore: number };

/** Groups a diff into hunks with `context` unchanged lines around each change; long unchanged runs are folded. */
export function diffHunks(diff: DiffLine[], context = 3): DiffHunk[] {
  const keep = new Array<boolean>(diff.length).fill(false);
  diff.forEach((line, index) => {
    if (line.op === "same") return;
    for (let k = Math.max(0, index - context); k <= Math.min(diff.length - 1, index + context); k++) keep[k] = true;
  });
  const hunks: DiffHunk[] = [];
  let skipped = 0;
  let current: DiffHunk | null = null;
  diff.forEach((line, index) => {
    if (!keep[index]) {
      skipped++;
      current = null;
      return;
    }
    if (!current) {
      current = { lines: [], skippedBefore: skipped };
      hunks.push(current);
      skipped = 0;
    }
    current.lines.push(line);
  });
  return hunks;
}
