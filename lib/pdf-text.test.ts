import { describe, expect, it } from "vitest";
import { makeReportPdf } from "@/tests/support/test-pdf";
import { extractPdfText, PdfTextError } from "./pdf-text";
import { pageAt } from "./source-pages";

const PARAGRAPHS = [
  "Overview: Pakistan continued to serve as a safe haven for certain regionally focused terrorist groups.",
  "It allowed groups targeting Afghanistan, including the Afghan Taliban and affiliated networks, to operate from its territory.",
  "Counterterrorism cooperation improved during the year, and the government took modest steps to counter terror financing.",
  "The government also played a constructive role in the peace talks, according to officials interviewed for this report.",
  "Enforcement remained uneven across provinces, and prosecutions of designated individuals were rare throughout the period.",
];

describe("extractPdfText", () => {
  it("reads a typeset report: reading order, hyphenation repaired, running headers and page numbers dropped, pages kept", async () => {
    const bytes = await makeReportPdf({ header: "Country Reports on Terrorism 2019 — Pakistan", paragraphs: PARAGRAPHS, width: 40, linesPerPage: 8 });
    const result = await extractPdfText(bytes);
    expect(result.pageCount).toBeGreaterThanOrEqual(3);
    expect(result.text.split("\n\n")).toEqual(PARAGRAPHS);
    expect(result.text).not.toContain("Country Reports on Terrorism 2019");
    expect(result.dropped).toContain("Country Reports on Terrorism 2019 — Pakistan");
    expect(result.pageStarts).toHaveLength(result.pageCount);
    expect(result.pageStarts[0]).toBe(0);
    // A passage on the last page is cited with that page.
    const last = result.text.indexOf("prosecutions of designated");
    expect(pageAt(result.pageStarts, last)).toBe(result.pageCount);
    expect(pageAt(result.pageStarts, 0)).toBe(1);
  });

  it("refuses what is not a readable PDF with a clear error", async () => {
    await expect(extractPdfText(new TextEncoder().encode("hello"))).rejects.toThrow(PdfTextError);
    await expect(extractPdfText(new TextEncoder().encode("%PDF-1.7 garbage"))).rejects.toThrow(/could not be read|no text layer/);
  });
});
