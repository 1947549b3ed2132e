import { z } from "zod";

// C0 controls other than tab, line feed and carriage return, and DEL: the Unicode
// control category (C0, DEL, C1) less those three and C1 (U+0080–U+009F).
const CONTROL = /(?![\t\n\r\u0080-\u009f])\p{Cc}/u;

/**
 * Text that is safe to store and to anchor offsets in: well-formed UTF-16 (no
 * lone surrogates, which would corrupt offsets and JSON exports) and no
 * control characters (a sign of a binary file).
 */
export function textField({ label, min = 1, max }: { label: string; min?: number; max: number }) {
  return z
    .string({ error: `${label} must be text.` })
    .refine((s) => s.trim().length >= min, { message: min > 0 ? `${label} is required.` : `${label} is too short.` })
    .refine((s) => s.length <= max, { message: `${label} is too long (at most ${max.toLocaleString("en")} characters).` })
    .refine((s) => s.isWellFormed(), { message: `${label} contains invalid characters (broken Unicode).` })
    .refine((s) => !CONTROL.test(s), { message: `${label} contains control characters: is this a binary file?` });
}

/**
 * A string with the same Unicode and control-character checks, for fields that
 * keep their own length rules and messages (chain `.trim().min().max()` on it).
 */
export function safeString(label: string) {
  return z
    .string({ error: `${label} must be text.` })
    .refine((s) => s.isWellFormed(), { message: `${label} contains invalid characters (broken Unicode).` })
    .refine((s) => !CONTROL.test(s), { message: `${label} contains control characters.` });
}

/**
 * An address the server will fetch or POST to: http(s) only, at most 2,000
 * characters, no user name or password in it (lib/safe-fetch.ts checks the
 * address it connects to again at every request).
 */
export function httpUrlField(label: string, missing: string) {
  return safeString(label)
    .trim()
    .min(1, missing)
    .max(2000, "At most 2,000 characters.")
    .refine((s) => {
      try {
        const u = new URL(s);
        return (u.protocol === "http:" || u.protocol === "https:") && !u.username && !u.password;
      } catch {
        return false;
      }
    }, "Give a full http:// or https:// address, without a user name or password.");
}

/** A search or filter term made safe to send to the database: control characters dropped, broken Unicode replaced. */
export function cleanSearchTerm(s: string): string {
  return s.replace(new RegExp(CONTROL.source, "gu"), "").toWellFormed();
}

/** True for a URL segment that could be a slug: short, no control characters, well-formed Unicode (anything else is a 404 without a query). */
export function isPlausibleSlug(s: string): boolean {
  return s.length <= 200 && isCleanText(s);
}

/** True for text with no control characters and well-formed Unicode. */
export function isCleanText(s: string): boolean {
  return s.isWellFormed() && !CONTROL.test(s);
}

/** A record id (cuid, uuid or better-auth id): letters, digits, "_" and "-"; "" passes, chain `.min(1)` where one is required. */
export function idField() {
  return z.string({ error: "That is not a valid id." }).max(64, "That is not a valid id.").regex(/^[\w-]*$/, "That is not a valid id.");
}

export function lineField({ label, min = 1, max }: { label: string; min?: number; max: number }) {
  return textField({ label, min, max })
    .refine((s) => !/[\r\n]/.test(s), { message: `${label} must be one line.` })
    .transform((s) => s.trim());
}

/** An optional line: empty or missing is null. */
export function optionalLineField(label: string, max: number) {
  return lineField({ label, min: 0, max })
    .nullish()
    .transform((v) => (v ? v : null));
}

/** An optional http(s) address that is stored and linked to, never fetched: empty or missing is null. */
export function optionalUrlField() {
  return z
    .string()
    .trim()
    .max(2000, "That address is too long.")
    .nullish()
    .transform((v) => v || null)
    .pipe(z.url({ protocol: /^https?$/, message: "Enter a full http(s) address." }).nullable());
}
