/**
 * PDFs made here with pdf-lib, laid out as a typesetter would: running
 * headers and footers, paragraphs set in justified-width lines, words
 * hyphenated at line ends, a paragraph running on to the next page, and a
 * two-column page.
 */
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { pageAt, pdfToText } from "./pdf-to-text";

const SIZE = 11;
const LEADING = 14;
const HEADER = "Lakeside Water Board · Annual Report 2026";

/** Greedy line breaking within `width` points. */
function setLines(text: string, font: PDFFont, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, SIZE) <= width) {
      line = candidate;
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Draws paragraphs from `y` down; returns the y after them. A paragraph's first line is indented. */
function drawParagraphs(page: PDFPage, font: PDFFont, lines: string[][], x: number, y: number): number {
  for (const para of lines) {
    para.forEach((line, i) => {
      page.drawText(line, { x: i === 0 ? x + 18 : x, y, size: SIZE, font });
      y -= LEADING;
    });
  }
  return y;
}

function furniture(page: PDFPage, font: PDFFont, n: number, of: number) {
  page.drawText(HEADER, { x: 72, y: 800, size: 9, font });
  page.drawText(`Page ${n} of ${of}`, { x: 280, y: 40, size: 9, font });
}

const P1 = "The board approved a nine percent rise in household water prices on Monday, the largest increase in a decade, after a long meeting in the council chamber.";
const P2 =
  "The chair, Teodor Malm, said the pipes under the old town were a hundred years old. Much of the infrastructure was laid before the war, and the board said the well-known problems of the eastern district would be dealt with first.";
const P3 = "Consumer groups said the rise would add about sixty a year to a typical bill, and asked the board to publish its investment plan before the rise takes effect in January, so that households";
const P3_CONTINUED = "can see where the money goes.";
const P4 = "The plan will be published in February, as the well-known rules require. The rise will be reviewed after twelve months.";
// Set by hand: two words hyphenated at line ends, one a typesetter's break, one a compound.
const P2_LINES = [
  "The chair, Teodor Malm, said the pipes under the old",
  "town were a hundred years old. Much of the infra-",
  "structure was laid before the war, and the board said the well-",
  "known problems of the eastern district would be dealt with first.",
];
const LEFT = "Left column: reservoir levels fell to their lowest point since records began.";
const RIGHT = "Right column: the authority asked households to cut their use by a fifth.";

async function reportPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle("Annual Report 2026");
  pdf.setAuthor("Lakeside Water Board");
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const width = 300;

  const one = pdf.addPage([595, 842]);
  furniture(one, font, 1, 3);
  drawParagraphs(one, font, [setLines(P1, font, width), P2_LINES, setLines(P3, font, width)], 72, 760);

  const two = pdf.addPage([595, 842]);
  furniture(two, font, 2, 3);
  // The paragraph from page one runs on: no indent on its first line here.
  two.drawText(P3_CONTINUED, { x: 72, y: 760, size: SIZE, font });
  drawParagraphs(two, font, [setLines(P4, font, width)], 72, 760 - LEADING);

  const three = pdf.addPage([595, 842]);
  furniture(three, font, 3, 3);
  drawParagraphs(three, font, [setLines(LEFT, font, 200)], 72, 760);
  drawParagraphs(three, font, [setLines(RIGHT, font, 200)], 320, 760);
  return pdf.save();
}

describe("pdfToText", () => {
  it("reads a report in reading order, one paragraph per line, without running headers and footers", async () => {
    const { text, pages, title, author } = await pdfToText(await reportPdf());
    expect(P2_LINES.join(" ").replace("infra- structure", "infrastructure").replace("well- known", "well-known")).toBe(P2);
    expect(title).toBe("Annual Report 2026");
    expect(author).toBe("Lakeside Water Board");
    expect(text.split("\n\n")).toEqual([P1, P2, `${P3} ${P3_CONTINUED}`, P4, LEFT, RIGHT]);
    expect(pages).toHaveLength(3);
    expect(text).not.toContain(HEADER);
    expect(text).not.toMatch(/Page \d of 3/);
  });

  it("repairs words hyphenated at line ends: the typesetter's hyphen goes, a real compound's stays", async () => {
    const { text } = await pdfToText(await reportPdf());
    expect(text).toContain("Much of the infrastructure was laid");
    expect(text).toContain("the well-known problems");
  });

  it("keeps page numbers, so that an offset can be cited as a page", async () => {
    const { text, pages } = await pdfToText(await reportPdf());
    expect(pages.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(pages[0].start).toBe(0);
    expect(pages.at(-1)!.end).toBe(text.length);
    for (const [words, page] of [
      ["Teodor Malm", 1],
      ["so that households", 1],
      ["can see where the money goes", 2],
      ["The plan will be published", 2],
      ["reservoir levels fell", 3],
    ] as const) {
      expect(pageAt(pages, text.indexOf(words))?.number).toBe(page);
    }
  });

  it("keeps the paragraphs of a one-page document, whose gaps between paragraphs outnumber those inside them", async () => {
    // A one-page press release: headline, then two paragraphs of two lines, a blank line between.
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([595, 842]);
    let y = 760;
    for (const line of ["Ferry fares to rise in spring", "", "The ferry company will raise fares by six percent in", "April, its board said on Monday.", "", "“Fuel costs have doubled since the contract was signed,”", "said its chief executive, Mira Oduya."]) {
      if (line) page.drawText(line, { x: 72, y, size: SIZE, font });
      y -= LEADING;
    }
    const { text } = await pdfToText(await pdf.save());
    expect(text.split("\n\n")).toEqual([
      "Ferry fares to rise in spring",
      "The ferry company will raise fares by six percent in April, its board said on Monday.",
      "“Fuel costs have doubled since the contract was signed,” said its chief executive, Mira Oduya.",
    ]);
  });

  it("refuses bytes that are not a PDF", async () => {
    await expect(pdfToText(new TextEncoder().encode("<html>not a pdf</html>"))).rejects.toThrow();
  });
});
