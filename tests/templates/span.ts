/**
 * The 1-based location of the `nth` occurrence of `text` in `code`, as RuleTester
 * expects it: template cases state the exact span a report covers by quoting it.
 */
export function span(code: string, text: string, nth = 0): { line: number; column: number; endLine: number; endColumn: number } {
  let index = -1;
  for (let seen = 0; seen <= nth; seen++) {
    index = code.indexOf(text, index + 1);
    if (index === -1) throw new Error(`${JSON.stringify(text)} (#${nth}) is not in the code`);
  }
  const position = (offset: number) => {
    const before = code.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
  };
  const start = position(index);
  const end = position(index + text.length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
