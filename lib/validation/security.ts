import ipaddr from "ipaddr.js";
import { z } from "zod";
import { idField } from "./text";

/**
 * An admin's unlock of sign-in delays (/editor/admin/security): an account, by its
 * user id, or a client address, as the server recorded it (an IPv4 or IPv6 address).
 */
export const unlockSignInSchema = z.union([
  z.object({ userId: idField().min(1) }).strict(),
  z
    .object({
      address: z
        .string()
        .trim()
        .max(100, "At most 100 characters.")
        .refine((a) => ipaddr.isValid(a), { message: "Enter an IPv4 or IPv6 address." }),
    })
    .strict(),
]);
export type UnlockSignInInput = z.infer<typeof unlockSignInSchema>;
