import { z } from "zod";
import { idField, safeString } from "./text";

const id = idField().min(1);
const version = z.number().int().positive();

export const tagKindValues = ["topic", "entity", "framing"] as const;

const fields = {
  name: safeString("The tag name").refine((s) => !/[\r\n]/.test(s), { message: "The tag name must be one line." }).trim().min(2, "Name the tag in at least 2 characters.").max(60, "At most 60 characters."),
  colour: z.string().regex(/^#[0-9a-f]{6}$/i, "Pick a colour like #1d4ed8."),
  kind: z.enum(tagKindValues),
};

export const createTagSchema = z.object(fields);
export type CreateTagInput = z.infer<typeof createTagSchema>;

export const tagEditSchema = z.object({ id, version, ...fields });
export type TagEditInput = z.infer<typeof tagEditSchema>;

export const deleteTagSchema = z.object({ id, version });
export type DeleteTagInput = z.infer<typeof deleteTagSchema>;

export const mergeTagsSchema = z
  .object({ sourceId: id, sourceVersion: version, targetId: id.min(1, "Choose the tag to keep.") })
  .refine((v) => v.sourceId !== v.targetId, { path: ["targetId"], message: "Choose a different tag." });
export type MergeTagsInput = z.infer<typeof mergeTagsSchema>;

export const setTagSchema = z.object({
  tagId: id,
  target: z.enum(["claim", "quote"]),
  targetId: id,
  attached: z.boolean(),
});
export type SetTagInput = z.infer<typeof setTagSchema>;
