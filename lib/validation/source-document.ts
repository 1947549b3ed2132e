import { z } from "zod";
import { idField, lineField, optionalLineField, optionalUrlField, textField } from "./text";

/** A source document's text: a 600-page report is about 2 million characters. */
export const MAX_SOURCE_CHARS = 3_000_000;
/** An uploaded PDF, sent base64-encoded inside the 5 MB server-action body. */
export const MAX_PDF_BYTES = 3_500_000;

export const sourceFormatValues = ["text", "html", "pdf"] as const;

/** An uploaded PDF as the forms send it: base64, at most MAX_PDF_BYTES decoded (a source's or an article's). */
export const pdfBase64 = z
  .string()
  .max(Math.ceil(MAX_PDF_BYTES / 3) * 4 + 4, `That PDF is larger than ${(MAX_PDF_BYTES / 1e6).toFixed(1)} MB.`)
  .regex(/^[\d+/a-z]*={0,2}$/i, "That file did not arrive whole. Choose it again.");

/**
 * A primary source as an editor enters it: title, issuing speaker, date, URL,
 * and its text — pasted, or read from a .txt, .html or .pdf file. For "pdf" the
 * content is the file, base64-encoded; the server reads its text (lib/pdf-text.ts).
 */
export const sourceDocumentFields = z.object({
  title: lineField({ label: "Title", max: 300 }),
  speakerId: idField().nullish().transform((v) => v || null),
  publishedAt: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .pipe(z.iso.date({ message: "Use a date like 2020-06-24." }).nullable()),
  url: optionalUrlField(),
  format: z.enum(sourceFormatValues, { message: "Choose text, HTML or PDF." }),
  fileName: optionalLineField("File name", 255),
  /** Text or HTML as typed or read; for "pdf", the file in base64. */
  content: z.string({ error: "The text must be text." }),
});

function checkContent(v: { format: string; content: string }, ctx: z.RefinementCtx) {
  const parsed = v.format === "pdf" ? pdfBase64.safeParse(v.content) : textField({ label: "The text", max: MAX_SOURCE_CHARS }).safeParse(v.content);
  if (!parsed.success) ctx.addIssue({ code: "custom", path: ["content"], message: parsed.error.issues[0]?.message ?? "Check the text." });
  else if (v.format === "pdf" && v.content.length === 0) ctx.addIssue({ code: "custom", path: ["content"], message: "Choose the PDF file." });
}

export const createSourceDocumentSchema = sourceDocumentFields.superRefine(checkContent);
export type SourceDocumentInput = z.input<typeof createSourceDocumentSchema>;
export type SourceDocumentData = z.output<typeof createSourceDocumentSchema>;

/** An edit: the same fields, with the version the editor loaded; `content` may be left as it was ("keep"). */
export const editSourceDocumentSchema = sourceDocumentFields
  .extend({
    id: idField().min(1),
    version: z.number().int().positive(),
    keepText: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (!v.keepText) checkContent(v, ctx);
  });
export type EditSourceDocumentInput = z.input<typeof editSourceDocumentSchema>;

/** Links a claim to the passage of a source an editor selected. */
export const linkClaimSourceSchema = z
  .object({
    claimId: idField().min(1, "Choose the claim this passage states."),
    sourceDocumentId: idField().min(1),
    sourceVersion: z.number().int().positive(),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    exact: z.string().min(1, "Select the sentence in the source first.").max(10_000, "Select at most a few sentences."),
  })
  .refine((v) => v.end > v.start, { path: ["exact"], message: "Select the sentence in the source first." });
export type LinkClaimSourceInput = z.input<typeof linkClaimSourceSchema>;
