import { z } from "zod";
import { splitLines } from "./speaker";
import { idField, lineField, safeString } from "./text";

const MAX_DOMAINS = 20;
const LABEL = /^[a-z\d](?:[a-z\d-]*[a-z\d])?$/;

/** True for a bare host name such as "news.example" (no scheme, path or port): dot-separated labels of letters, digits and inner hyphens. */
export function isDomainName(s: string): boolean {
  if (s.length > 253) return false;
  const labels = s.split(".");
  return labels.length >= 2 && labels.every((l) => l.length <= 63 && LABEL.test(l)) && !/^\d+$/.test(labels[labels.length - 1]);
}

/** A domain as typed ("https://www.News.example/") reduced to its host ("news.example"), or the text unchanged when it is not an address. */
export function normaliseDomain(typed: string): string {
  const address = typed
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z\d+.-]*:\/\//, "");
  const end = address.search(/[/?#]/);
  const host = end < 0 ? address : address.slice(0, end);
  return host.startsWith("www.") ? host.slice(4) : host;
}

/**
 * An outlet as an editor corrects it: its name, its main domain (what an import
 * by URL matches first), other domains one per line (the textarea's text,
 * split by the server), its homepage, country and description.
 */
export const editOutletSchema = z
  .object({
    id: idField().min(1),
    version: z.number().int().positive(),
    name: lineField({ label: "The name", max: 200 }).pipe(z.string().min(2, "Enter the outlet's name (at least 2 characters).")),
    domain: lineField({ label: "The domain", min: 0, max: 253 }),
    otherDomains: safeString("The other domains").max(6000, "Too many domains."),
    homepage: z
      .string()
      .trim()
      .max(2000, "That address is too long.")
      .pipe(z.union([z.literal(""), z.url({ protocol: /^https?$/, message: "Enter a full http(s) address, like https://news.example/." })])),
    // The country it publishes from, by name or two-letter code (checked by the server, lib/outlets.ts editOutlet).
    country: lineField({ label: "The country", min: 0, max: 60 }),
    // One or two sentences for readers, shown on the outlet's public page.
    description: safeString("The description").trim().max(1000, "At most 1,000 characters."),
  })
  .superRefine((v, ctx) => {
    if (v.domain && !isDomainName(normaliseDomain(v.domain))) ctx.addIssue({ code: "custom", path: ["domain"], message: "Enter a domain like news.example." });
    const others = splitLines(v.otherDomains);
    if (others.length > MAX_DOMAINS) ctx.addIssue({ code: "custom", path: ["otherDomains"], message: `At most ${MAX_DOMAINS} other domains.` });
    const bad = others.find((d) => !isDomainName(normaliseDomain(d)));
    if (bad) ctx.addIssue({ code: "custom", path: ["otherDomains"], message: `“${bad.slice(0, 60)}” is not a domain: enter one like news.example per line.` });
    if (others.length && !v.domain) ctx.addIssue({ code: "custom", path: ["domain"], message: "Enter the main domain before other domains." });
  });
export type EditOutletInput = z.infer<typeof editOutletSchema>;

/** A duplicate outlet (`sourceId`, at the version the editor loaded) merged into the outlet kept (`targetId`). */
export const mergeOutletsSchema = z
  .object({ sourceId: idField().min(1), sourceVersion: z.number().int().positive(), targetId: idField().min(1, "Choose the outlet to keep.") })
  .refine((v) => v.sourceId !== v.targetId, { path: ["targetId"], message: "Choose a different outlet." });
export type MergeOutletsInput = z.infer<typeof mergeOutletsSchema>;
