import { createHash } from "node:crypto";

/**
 * The de-duplication key of an article body: sha256 of the text with Unicode
 * normalised (NFC) and runs of white space folded, so that the same article
 * received twice with different line endings or spacing is one record.
 */
export function contentHash(body: string): string {
  const normalised = body.normalize("NFC").replace(/\s+/g, " ").trim();
  return createHash("sha256").update(normalised).digest("hex");
}
