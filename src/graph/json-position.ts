/** Turns a JSON.parse error into a message with line and column (engines differ in what they say). */

export function describeJsonError(text: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const offset = firstErrorOffset(text);
  const what =
    offset >= text.length
      ? 'the file ends too early'
      : `unexpected ${JSON.stringify(text.slice(offset, offset + 12))}`;
  if (offset < 0) return `The file is not valid JSON: ${raw}.`;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `The file is not valid JSON: ${what} at line ${line}, column ${column}.`;
}

/**
 * The offset of the first syntax error in `text` (text.length when it ends early), or -1 when
 * it is valid. A small iterative JSON scanner: no recursion, so deep nesting cannot overflow.
 */
export function firstErrorOffset(text: string): number {
  let i = 0;
  const stack: ('{' | '[')[] = [];
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const literal = (): boolean => {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '"') return (i++, true);
        else if (text.charCodeAt(i) < 0x20) return false;
      }
      return false;
    }
    for (const word of ['true', 'false', 'null'])
      if (text.startsWith(word, i)) return ((i += word.length), true);
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m && m[0].length) return ((i += m[0].length), true);
    return false;
  };
  // expect: 'value' | 'key' | 'after' (a value ended; comma or close or end)
  let expect: 'value' | 'key' | 'after' | 'firstKey' | 'firstValue' = 'value';
  for (;;) {
    ws();
    if (i >= text.length) return expect === 'after' && stack.length === 0 ? -1 : text.length;
    const c = text[i];
    if (expect === 'after') {
      if (stack.length === 0) return i; // trailing garbage
      const top = stack[stack.length - 1];
      if (c === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
      } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
        i++;
        stack.pop();
      } else return i;
      continue;
    }
    if (expect === 'key' || expect === 'firstKey') {
      if (c === '}' && expect === 'firstKey') {
        i++;
        stack.pop();
        expect = 'after';
        continue;
      }
      if (c !== '"' || !literal()) return i;
      ws();
      if (text[i] !== ':') return i;
      i++;
      expect = 'value';
      continue;
    }
    if (c === ']' && expect === 'firstValue') {
      i++;
      stack.pop();
      expect = 'after';
    } else if (c === '{') {
      i++;
      stack.push('{');
      expect = 'firstKey';
    } else if (c === '[') {
      i++;
      stack.push('[');
      expect = 'firstValue';
    } else {
      const start = i;
      if (!literal()) return start;
      expect = 'after';
    }
  }
}
