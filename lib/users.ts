import "server-only";
import { APIError } from "better-auth/api";
import { ActionError, NotFoundError } from "./errors";
import { recordAudit } from "./audit";
import { auth } from "./better-auth";
import { prisma } from "./db";
import type { CreateUserInput, ResetPasswordInput, SetUserActiveInput } from "./validation/user";

/**
 * Admin operations on editor accounts, through better-auth's admin plugin so
 * that its rules hold (hashing, session revocation). Every call passes the
 * admin's request headers: better-auth checks the admin's session and role
 * again — the action wrapper has already checked them once.
 */
export function listEditors() {
  return prisma.user.findMany({
    orderBy: [{ banned: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      banned: true,
      createdAt: true,
      _count: { select: { sessions: true } },
      sessions: { orderBy: { updatedAt: "desc" }, take: 1, select: { updatedAt: true } },
    },
  });
}

function explain(error: unknown, fallback: string): never {
  if (error instanceof APIError) {
    const message = error.body?.message ?? error.message;
    if (/already exists/i.test(message)) throw new ActionError("An account with that email exists.", "invalid", { email: ["An account with that email exists."] });
    if (/yourself/i.test(message)) throw new ActionError("You cannot deactivate your own account.", "invalid");
    if (/not found/i.test(message)) throw new NotFoundError("account");
    if (error.status === "FORBIDDEN" || error.status === "UNAUTHORIZED") throw new ActionError("Only an admin can do that.", "forbidden");
    throw new ActionError(message || fallback, "invalid");
  }
  throw error;
}

async function audit(actorId: string, entityId: string, action: string, after?: unknown, before?: unknown) {
  await prisma.$transaction((tx) => recordAudit(tx, { actorId, entityType: "user", entityId, action, before, after }));
}

export async function createEditor(headers: Headers, actorId: string, input: CreateUserInput) {
  try {
    const { user } = await auth.api.createUser({
      headers,
      // The plugin's types know only its default roles; "editor" is our default role
      // (admin({ defaultRole: "editor" })), which it accepts at run time.
      body: { email: input.email.toLowerCase(), password: input.password, name: input.name, role: input.role as "admin" },
    });
    await prisma.user.update({ where: { id: user.id }, data: { emailVerified: true } });
    await audit(actorId, user.id, "create", { email: user.email, name: user.name, role: input.role });
    return { id: user.id };
  } catch (error) {
    explain(error, "The account could not be created.");
  }
}

/**
 * Deactivating bans the account (no new sign-in) and deletes its sessions, so
 * the editor's next request is signed out and every action they try is refused.
 */
export async function setEditorActive(headers: Headers, actorId: string, input: SetUserActiveInput) {
  if (input.userId === actorId && !input.active) throw new ActionError("You cannot deactivate your own account.", "invalid");
  try {
    if (input.active) {
      await auth.api.unbanUser({ headers, body: { userId: input.userId } });
    } else {
      await auth.api.banUser({ headers, body: { userId: input.userId, banReason: "Deactivated by an admin" } });
      await auth.api.revokeUserSessions({ headers, body: { userId: input.userId } });
    }
    await audit(actorId, input.userId, input.active ? "reactivate" : "deactivate", { active: input.active }, { active: !input.active });
    return { active: input.active };
  } catch (error) {
    explain(error, "The account could not be changed.");
  }
}

/** Sets a new password and ends the editor's sessions: they sign in again with it. */
export async function resetEditorPassword(headers: Headers, actorId: string, input: ResetPasswordInput) {
  try {
    await auth.api.setUserPassword({ headers, body: { userId: input.userId, newPassword: input.password } });
    await auth.api.revokeUserSessions({ headers, body: { userId: input.userId } });
    await audit(actorId, input.userId, "reset_password");
    return { ok: true };
  } catch (error) {
    explain(error, "The password could not be reset.");
  }
}
