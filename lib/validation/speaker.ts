import { z } from "zod";
import { idField, lineField, safeString } from "./text";

const id = idField().min(1);
const version = z.number().int().positive();

/** The kinds a speaker can be; ClaimReview types a person as Person and the others as Organization. */
export const speakerKindValues = ["person", "organisation", "government"] as const;
export const SPEAKER_KIND_LABELS: Record<(typeof speakerKindValues)[number], string> = {
  person: "Person",
  organisation: "Organisation",
  government: "Government body",
};

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
 * ("Foreign Minister"), never glued to the name. `aliases` is the textarea's
 * text, one name per line (split by the server with `splitLines`), so the form
 * and the action parse the same value.
 */
export const editSpeakerSchema = z
  .object({
    id,
    version,
    name: lineField({ label: "The name", max: 200 }).pipe(z.string().min(2, "Enter the speaker's name (at least 2 characters).")),
    kind: z.enum(speakerKindValues, { message: "Choose person, organisation or government body." }),
    title: lineField({ label: "The title or role", min: 0, max: 120 }),
    aliases: safeString("The aliases").max(6000, "Too many aliases (at most 6,000 characters)."),
  })
  .superRefine((v, ctx) => {
    const aliases = splitLines(v.aliases);
    if (aliases.length > MAX_ALIASES) ctx.addIssue({ code: "custom", path: ["aliases"], message: `At most ${MAX_ALIASES} aliases.` });
    const long = aliases.find((a) => a.length > 200);
    if (long) ctx.addIssue({ code: "custom", path: ["aliases"], message: `“${long.slice(0, 40)}…” is too long for an alias (at most 200 characters).` });
    if (v.title && v.name.toLowerCase().startsWith(`${v.title.toLowerCase()} `)) {
      ctx.addIssue({ code: "custom", path: ["name"], message: `The name still starts with the title: enter “${v.name.slice(v.title.length + 1)}” as the name.` });
    }
  });
export type EditSpeakerInput = z.infer<typeof editSpeakerSchema>;

export const mergeSpeakersSchema = z
  .object({ sourceId: id, sourceVersion: version, targetId: idField().min(1, "Choose the speaker to keep.") })
  .refine((v) => v.sourceId !== v.targetId, { path: ["targetId"], message: "Choose a different speaker." });
export type MergeSpeakersInput = z.infer<typeof mergeSpeakersSchema>;
