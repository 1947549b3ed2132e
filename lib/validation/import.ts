import { z } from "zod";
import { pdfBase64 } from "./source-document";
import { idField, optionalLineField, optionalUrlField, textField } from "./text";

export const MAX_ARTICLE_CHARS = 1_000_000;

/** An optional publication date, 1900 to today. */
const publishedDate = () =>
  z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .pipe(z.iso.date({ message: "Use a date like 2020-06-25." }).nullable())
    .refine((v) => !v || (v >= "1900-01-01" && new Date(v).getTime() <= Date.now() + 2 * 86_400_000), {
      message: "The date must be between 1900 and today.",
    });

export const importArticleSchema = z
  .object({
    outletId: idField().nullish().transform((v) => v || null),
    newOutletName: optionalLineField("Outlet name", 120),
    title: optionalLineField("Title", 300),
    byline: optionalLineField("Byline", 200),
    publishedAt: publishedDate(),
    url: optionalUrlField(),
    format: z.enum(["text", "html", "pdf"], { message: "Choose text, HTML or PDF." }),
    /** The text or the page's HTML; for "pdf", the file in base64 (its text is read on the server). */
    content: z.string({ error: "Article text must be text." }),
    stripBoilerplate: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    if (!v.outletId && !v.newOutletName) {
      ctx.addIssue({ code: "custom", path: ["outletId"], message: "Choose an outlet or name a new one." });
    }
    const content = v.format === "pdf" ? pdfBase64.min(1, "Choose the PDF file.") : textField({ label: "Article text", max: MAX_ARTICLE_CHARS });
    const parsed = content.safeParse(v.content);
    if (!parsed.success) ctx.addIssue({ code: "custom", path: ["content"], message: parsed.error.issues[0]?.message ?? "Check the text." });
  });

// Parsing is idempotent (the output parses again to itself): the form parses
// on the client and sends the result, and the server action parses it again.
export type ImportArticleInput = z.input<typeof importArticleSchema>;
export type ImportArticleData = z.output<typeof importArticleSchema>;

/** Import by URL: the server fetches the page; every other field is optional (the page's own metadata fills them). */
export const importUrlSchema = z.object({
  url: z
    .string({ error: "Enter the article's address." })
    .trim()
    .min(1, "Enter the article's address.")
    .max(2000, "That address is too long.")
    .pipe(z.url({ protocol: /^https?$/, message: "Enter a full http(s) address." })),
  outletId: idField().nullish().transform((v) => v || null),
  newOutletName: optionalLineField("Outlet name", 120),
  title: optionalLineField("Title", 300),
  byline: optionalLineField("Byline", 200),
  publishedAt: publishedDate(),
});
export type ImportUrlInput = z.input<typeof importUrlSchema>;
export type ImportUrlData = z.output<typeof importUrlSchema>;
