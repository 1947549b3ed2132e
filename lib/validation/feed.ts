import { z } from "zod";
import { idField, safeString } from "./text";

const id = idField().min(1, "That is not a valid id.");
const version = z.number().int().positive();

/** A feed's address: http(s) only, one line, at most 2,000 characters (fetching is checked again by lib/safe-fetch.ts). */
const url = safeString("The feed address")
  .trim()
  .min(1, "Give the feed's address.")
  .max(2000, "At most 2,000 characters.")
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === "http:" || u.protocol === "https:") && !u.username && !u.password;
    } catch {
      return false;
    }
  }, "Give a full http:// or https:// address, without a user name or password.");

/** Minutes between polls while the feed answers: 5 minutes to a day. */
const intervalMinutes = z
  .number({ error: "Give the minutes between polls." })
  .int("Whole minutes.")
  .min(5, "At least 5 minutes between polls.")
  .max(1440, "At most a day (1,440 minutes) between polls.");

const fields = { url, outletId: idField().min(1, "Choose the outlet."), intervalMinutes };

export const feedCreateSchema = z.object(fields);
export type FeedCreateInput = z.infer<typeof feedCreateSchema>;

export const feedEditSchema = z.object({ id, version, ...fields, active: z.boolean() });
export type FeedEditInput = z.infer<typeof feedEditSchema>;

export const feedActiveSchema = z.object({ id, version, active: z.boolean() });
export type FeedActiveInput = z.infer<typeof feedActiveSchema>;

export const feedCheckSchema = z.object({ id });
export type FeedCheckInput = z.infer<typeof feedCheckSchema>;

export const alertResolveSchema = z.object({ id, version, decision: z.enum(["confirm", "dismiss"]) });
export type AlertResolveInput = z.infer<typeof alertResolveSchema>;
