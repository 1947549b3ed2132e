import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "./better-auth";

export type Role = "admin" | "editor";

/** What pages and actions may know about the signed-in user: never the whole row. */
export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/** The signed-in, active user of this request, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  const user = session.user as typeof session.user & { role?: string | null; banned?: boolean | null };
  // Deactivation deletes sessions too; this check also covers a race with it.
  if (user.banned) return null;
  const role: Role = user.role === "admin" ? "admin" : "editor";
  return { id: user.id, name: user.name, email: user.email, role };
});

export function isEditor(user: CurrentUser | null): user is CurrentUser {
  return user !== null && (user.role === "editor" || user.role === "admin");
}

export function isAdmin(user: CurrentUser | null): user is CurrentUser {
  return user !== null && user.role === "admin";
}

/** For editor pages and layouts: the user, or a redirect to sign-in. */
export async function requireEditor(returnTo = "/editor"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!isEditor(user)) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For admin pages: the user, or a redirect (to sign-in, or to /editor for non-admins). */
export async function requireAdmin(returnTo = "/editor/admin"): Promise<CurrentUser> {
  const user = await requireEditor(returnTo);
  if (!isAdmin(user)) redirect("/editor?denied=admin");
  return user;
}
