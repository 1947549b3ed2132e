/**
 * The large legitimate import of issue 9, item 5: an HTML page of 12,000
 * paragraphs (806 KB as UTF-8), each a quotation with its speaker. Used by
 * tests/http/import-budget.test.ts and `npm run test:load` phase (c).
 */
export function largeQuotedPage(paragraphs = 12_000): string {
  const rows: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    rows.push(`<p>“Measure ${String(i).padStart(5, "0")} is under closer review,” said Official ${String(i % 97).padStart(2, "0")}.</p>`);
  }
  return `<!doctype html><html><head><title>A long record</title></head><body><article><h1>A long record</h1>${rows.join("\n")}</article></body></html>`;
}
