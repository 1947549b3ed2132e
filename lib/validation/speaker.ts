import { z } from "zod";
import { parseCountry } from "../countries";
import { idField, lineField, safeString } from "./text";

const id = idField().min(1);
const version = z.number().int().positive();

/**
 * The kinds a speaker can be. ClaimReview (lib/claim-review-jsonld.ts) types a person
 * as Person, a government body as GovernmentOrganization, and the others as Organization.
 */
export const speakerKindValues = ["person", "organisation", "government", "document_issuer"] as const;
export type SpeakerKindValue = (typeof speakerKindValues)[number];
export const SPEAKER_KIND_LABELS: Record<SpeakerKindValue, string> = {
  person: "Person",
  organisation: "Organisation",
  government: "Government body",
  document_issuer: "Document issuer",
};

const MAX_ACRONYMS = 20;

/**
 * True for an acronym: 2–12 letters, digits, "&", "." or "-", with at least two
 * capitals ("WHO", "ISPR", "DoD", "U.N."). Acronyms are matched case-sensitively
 * by the analysis, so "who" is no acronym of the WHO.
 */
export function isAcronym(s: string): boolean {
  return /^[\p{L}\p{N}&.-]{2,12}$/u.test(s) && (s.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

/** Names split into acronyms and other names (an import stores a built-in speaker's names this way). */
export function splitAcronyms(names: string[]): { acronyms: string[]; aliases: string[] } {
  return { acronyms: names.filter(isAcronym), aliases: names.filter((n) => !isAcronym(n)) };
}

const MAX_ALIASES = 50;

/** Lines of a textarea, trimmed, empty lines dropped (aliases, domains: one per line). */
export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * A speaker as an editor corrects it. The name is the speaker's own name
 * ("Jane Roe", "Ministry of Water"); a role it spoke in goes in `title`
 * ("Foreign Minister"), never glued to the name. `aliases` and `acronyms` are
 * the textareas' text, one name per line (split by the server with `splitLines`),
 * so the form and the action parse the same value. `country` is a country's code
 * or English name as typed ("PK", "Pakistan"; "" for none): the server stores the
 * code (lib/countries.ts). Renaming gives the speaker a new address (slug); the
 * old one answers 308 to it.
 */
export const editSpeakerSchema = z
  .object({
    id,
    version,
    name: lineField({ label: "The name", max: 200 }).pipe(z.string().min(2, "Enter the speaker's name (at least 2 characters).")),
    kind: z.enum(speakerKindValues, { message: "Choose person, organisation, government body or document issuer." }),
    title: lineField({ label: "The title or role", min: 0, max: 120 }),
    aliases: safeString("The aliases").max(6000, "Too many aliases (at most 6,000 characters)."),
    acronyms: safeString("The acronyms").max(1000, "Too many acronyms (at most 1,000 characters)."),
    country: lineField({ label: "The country", min: 0, max: 60 }),
  })
  .superRefine((v, ctx) => {
    const aliases = splitLines(v.aliases);
    if (aliases.length > MAX_ALIASES) ctx.addIssue({ code: "custom", path: ["aliases"], message: `At most ${MAX_ALIASES} aliases.` });
    const long = aliases.find((a) => a.length > 200);
    if (long) ctx.addIssue({ code: "custom", path: ["aliases"], message: `“${long.slice(0, 40)}…” is too long for an alias (at most 200 characters).` });
    const acronyms = splitLines(v.acronyms);
    if (acronyms.length > MAX_ACRONYMS) ctx.addIssue({ code: "custom", path: ["acronyms"], message: `At most ${MAX_ACRONYMS} acronyms.` });
    const notAcronym = acronyms.find((a) => !isAcronym(a));
    if (notAcronym) {
      ctx.addIssue({ code: "custom", path: ["acronyms"], message: `“${notAcronym.slice(0, 40)}” is not an acronym (2–12 characters, at least two capitals, like WHO or ISPR): put other names under aliases.` });
    }
    if (parseCountry(v.country) === null) ctx.addIssue({ code: "custom", path: ["country"], message: `“${v.country.slice(0, 60)}” is not a country: enter its name or two-letter code, like Pakistan or PK.` });
    if (v.title && v.name.toLowerCase().startsWith(`${v.title.toLowerCase()} `)) {
      ctx.addIssue({ code: "custom", path: ["name"], message: `The name still starts with the title: enter “${v.name.slice(v.title.length + 1)}” as the name.` });
    }
  });
export type EditSpeakerInput = z.infer<typeof editSpeakerSchema>;

export const mergeSpeakersSchema = z
  .object({ sourceId: id, sourceVersion: version, targetId: idField().min(1, "Choose the speaker to keep.") })
  .refine((v) => v.sourceId !== v.targetId, { path: ["targetId"], message: "Choose a different speaker." });
export type MergeSpeakersInput = z.infer<typeof mergeSpeakersSchema>;
