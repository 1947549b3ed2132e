import "server-only";
import { scrypt, timingSafeEqual } from "node:crypto";
import { hashPassword, verifyPassword } from "better-auth/crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { recordAudit } from "./audit";
import { PUBLISHED_PASSWORDS } from "./demo-accounts";

/**
 * Accounts made outside a request: the demo seed's accounts, and the first
 * admin of a production install (`npm run user:create`). In the app, admins
 * create accounts through better-auth's admin plugin (lib/users.ts); both store
 * the same credential row, hashed by better-auth's own `hashPassword` (scrypt),
 * so either signs in the same way.
 */

export type AccountRole = "admin" | "editor";

export class AccountError extends Error {}

/**
 * Creates a signed-in-able account with an e-mail and password, e-mail marked
 * verified (an operator made it). Records a `user`/`create` audit event with no
 * actor ("the system").
 * @throws AccountError when an account with that e-mail exists.
 */
export async function createLocalAccount(
  prisma: PrismaClient,
  input: { email: string; name: string; role: AccountRole; password: string },
): Promise<{ id: string }> {
  const email = input.email.toLowerCase();
  if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) throw new AccountError(`An account with the e-mail ${email} exists.`);
  const id = crypto.randomUUID();
  const password = await hashPassword(input.password);
  await prisma.$transaction(async (tx) => {
    await tx.user.create({
      data: {
        id,
        email,
        name: input.name,
        role: input.role,
        emailVerified: true,
        accounts: { create: { id: crypto.randomUUID(), accountId: id, providerId: "credential", password } },
      },
    });
    await recordAudit(tx, { actorId: null, entityType: "user", entityId: id, action: "create", after: { email, name: input.name, role: input.role } });
  });
  return { id };
}

/**
 * Sets a new password on an account and ends its sessions (it signs in again).
 * @throws AccountError when no account has that e-mail.
 */
export async function setLocalPassword(prisma: PrismaClient, email: string, newPassword: string): Promise<void> {
  const user = await prisma.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
  if (!user) throw new AccountError(`No account has the e-mail ${email.toLowerCase()}.`);
  const password = await hashPassword(newPassword);
  await prisma.$transaction(async (tx) => {
    const updated = await tx.account.updateMany({ where: { userId: user.id, providerId: "credential" }, data: { password } });
    if (updated.count === 0) await tx.account.create({ data: { id: crypto.randomUUID(), accountId: user.id, userId: user.id, providerId: "credential", password } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, { actorId: null, entityType: "user", entityId: user.id, action: "reset_password" });
  });
}

// better-auth's password hashes are "salt:key" in hex: scrypt(N=16384, r=16, p=1,
// 64 bytes) of the NFKC password with the salt's hex text as salt
// (@better-auth/utils/password). Node's native scrypt computes the same key in
// the thread pool, several at once (better-auth's own is pure JavaScript on the
// main thread); any other format goes to better-auth's verifyPassword.
const SCRYPT = { N: 16384, r: 16, p: 1, maxmem: 128 * 16384 * 16 * 2 };
const HASH_FORMAT = /^[0-9a-f]{32}:[0-9a-f]{128}$/;

async function isPassword(hash: string, password: string): Promise<boolean> {
  if (!HASH_FORMAT.test(hash)) return verifyPassword({ hash, password }).catch(() => false);
  const [salt, key] = hash.split(":");
  const derived = await new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, 64, SCRYPT, (error, out) => (error ? reject(error) : resolve(out))),
  );
  return timingSafeEqual(derived, Buffer.from(key, "hex"));
}

/**
 * The e-mails of accounts whose password is one printed in the README, sorted.
 * Each stored hash is checked against each published password: salted,
 * memory-hard scrypt, so one check costs 0.1–0.4 s of a core (10 accounts took
 * 14 s on a 2-core machine at load 21), run four at a time in the thread pool.
 */
export async function findAccountsWithPublishedPasswords(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.account.findMany({
    where: { providerId: "credential", password: { not: null } },
    select: { password: true, user: { select: { email: true } } },
  });
  const found = new Set<string>();
  await Promise.all(
    rows.map(async (row) => {
      for (const password of PUBLISHED_PASSWORDS) {
        if (await isPassword(row.password!, password)) {
          found.add(row.user.email);
          return;
        }
      }
    }),
  );
  return [...found].sort();
}
