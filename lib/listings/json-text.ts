// Parsing JSON typed by a person: on failure, the line and column of the mistake and a plain message.
export type JsonTextResult = { ok: true; value: unknown } | { ok: false; line: number; column: number; message: string };

/** Line and column (1-based) of a character offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * A strict JSON reader (RFC 8259) that only locates the first error: engines word and place
 * JSON.parse errors differently, so the position comes from here and the value from JSON.parse.
 */
function locateError(text: string): JsonSyntaxError | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, i);
  };
  const describe = () => (i >= text.length ? "but the text ended" : text[i] === '"' ? "found a quote" : `found “${text[i]}”`);
  /** A separator is missing: when the next item starts on a new line, the comma belongs at the end of the previous one. */
  const missingComma = (closer: "}" | "]", what: string): never => {
    let end = i;
    while (end > 0 && " \t\n\r".includes(text[end - 1])) end--;
    if (text.slice(end, i).includes("\n") && i < text.length && text[i] !== closer) {
      i = end;
      fail("Missing comma at the end of this line.");
    }
    return fail(`Expected , or ${closer} after ${what}, ${describe()}.`);
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`Expected a value, ${describe()}.`);
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c === "\\") {
        const next = text[i + 1];
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 1;
            fail("A \\u escape needs four hex digits.");
          }
          i += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) {
          i += 1;
          fail(`Unknown escape \\${next ?? ""} in a string.`);
        }
        i += 2;
        continue;
      }
      if (c.charCodeAt(0) < 0x20)
        fail(c === "\n" ? "A string can't span lines; close it with \" or write \\n." : "Control characters must be escaped in strings.");
      i++;
    }
    fail('A string is not closed with ".');
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) fail(`Expected a value, ${describe()}.`);
    i += match![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 200) fail("The JSON is nested too deeply.");
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(text[i] === "}" ? "Remove the comma before }." : `Expected a "quoted" property name, ${describe()}.`);
        string();
        ws();
        if (text[i] !== ":") fail(`Expected : after the property name, ${describe()}.`);
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        missingComma("}", "a property value");
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] === "]") fail("Remove the comma before ].");
        value(depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        missingComma("]", "an array item");
      }
    }
    if (c === '"') return string();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    if (c === "'") fail('Use double quotes (") for strings.');
    number();
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail(`Unexpected text after the JSON value, ${describe()}.`);
    return null;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return error;
    throw error;
  }
}

export function parseJsonText(text: string): JsonTextResult {
  if (!text.trim()) return { ok: false, line: 1, column: 1, message: "Enter some JSON, for example {}." };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const error = locateError(text);
    const offset = error?.offset ?? 0;
    return { ok: false, ...lineColumn(text, offset), message: error?.message ?? "This is not valid JSON." };
  }
}
