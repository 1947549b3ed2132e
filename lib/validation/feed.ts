import { z } from "zod";
import { httpUrlField, idField } from "./text";

const id = idField().min(1, "That is not a valid id.");
const version = z.number().int().positive();

/** A feed's address (fetching is checked again by lib/safe-fetch.ts). */
const url = httpUrlField("The feed address", "Give the feed's address.");

/** Minutes between polls while the feed answers: 5 minutes to a day. */
const intervalMinutes = z
  .number({ error: "Give the minutes between polls." })
  .int("Whole minutes.")
  .min(5, "At least 5 minutes between polls.")
  .max(1440, "At most a day (1,440 minutes) between polls.");

const fields = { url, outletId: idField().min(1, "Choose the outlet."), intervalMinutes };

/** A new feed may leave the outlet empty: it is then the feed's site's outlet, found by domain or created. */
export const feedCreateSchema = z.object({ ...fields, outletId: idField() });
export type FeedCreateInput = z.infer<typeof feedCreateSchema>;

export const feedEditSchema = z.object({ id, version, ...fields, active: z.boolean() });
export type FeedEditInput = z.infer<typeof feedEditSchema>;

export const feedActiveSchema = z.object({ id, version, active: z.boolean() });
export type FeedActiveInput = z.infer<typeof feedActiveSchema>;

export const feedCheckSchema = z.object({ id });
export type FeedCheckInput = z.infer<typeof feedCheckSchema>;

export const alertResolveSchema = z.object({ id, version, decision: z.enum(["confirm", "dismiss"]) });
export type AlertResolveInput = z.infer<typeof alertResolveSchema>;
