import { PDFDocument, StandardFonts } from "pdf-lib";

/**
 * A report as a PDF, made with pdf-lib: every page has a running header and a
 * page-number footer, and the body is set in lines of `width` characters with
 * words hyphenated at line ends, as typeset reports are. `paragraphs` are laid
 * out in order over as many pages as they need (`linesPerPage`).
 */
export async function makeReportPdf({
  header,
  paragraphs,
  width = 60,
  linesPerPage = 14,
}: {
  header: string;
  paragraphs: string[];
  width?: number;
  linesPerPage?: number;
}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  // Lines: each paragraph wrapped at `width`, breaking long words with a hyphen; "" = paragraph gap.
  const lines: string[] = [];
  for (const para of paragraphs) {
    let line = "";
    for (const word of para.split(" ")) {
      const candidate = line ? `${line} ${word}` : word;
      if (candidate.length <= width) {
        line = candidate;
        continue;
      }
      const room = width - line.length - (line ? 2 : 1);
      if (room >= 3 && word.length - room >= 3 && /^\p{L}+[,.;]?$/u.test(word)) {
        lines.push(`${line ? `${line} ` : ""}${word.slice(0, room)}-`);
        line = word.slice(room);
      } else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line, "");
  }
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += linesPerPage) pages.push(lines.slice(i, i + linesPerPage));
  for (const [n, pageLines] of pages.entries()) {
    const page = pdf.addPage([420, 595]);
    page.drawText(header, { x: 40, y: 560, size: 9, font });
    let y = 520;
    for (const text of pageLines) {
      if (text) page.drawText(text, { x: 40, y, size: 11, font });
      y -= 16;
    }
    page.drawText(String(n + 1), { x: 205, y: 30, size: 9, font });
  }
  return pdf.save();
}
