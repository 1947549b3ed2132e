import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { prisma } from "./db";
import { boundedPassword } from "./password-hashing";
import { recordSecurityEvent } from "./security-events";
import { ACCOUNT_RULE, accountKey, ADDRESS_RULE, addressKey, refundAttempt, releaseAfterSuccess, reserveAttempt } from "./sign-in-guard";

/**
 * The signing secret. Deployments set BETTER_AUTH_SECRET (every app server must
 * share it); the embedded single-machine mode makes one on first start and keeps
 * it beside the database, so no secret is ever committed.
 */
function authSecret(): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const file = path.join(process.cwd(), ".data", "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

const baseURL = process.env.BETTER_AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;

/** Requests per client address a minute; failed attempts also meet progressive delays (lib/sign-in-guard.ts). */
export const SIGN_IN_LIMIT = { window: 60, max: Number(process.env.SIGN_IN_RATE_LIMIT ?? 30) };

function emailOf(body: unknown): string | null {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" && email.length <= 254 ? email : null;
}

function createAuth() {
  return betterAuth({
    appName: "Claimscope",
    baseURL,
    secret: authSecret(),
    trustedOrigins: [baseURL, baseURL.replace("localhost", "127.0.0.1")],
    // The adapter is made when the instance is (see `auth` below), not when this module loads.
    database: (options: Parameters<ReturnType<typeof prismaAdapter>>[0]) => prismaAdapter(prisma, { provider: "postgresql" })(options),
    emailAndPassword: {
      enabled: true,
      // Accounts are made by an admin, never by visitors.
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
      password: boundedPassword,
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
      // No cookie cache: every request reads the session row, so deactivating an
      // editor (which deletes their sessions) takes effect at once.
      cookieCache: { enabled: false },
    },
    rateLimit: {
      enabled: true,
      // In the database so that the limit holds across app servers.
      storage: "database",
      modelName: "rateLimit",
      window: 60,
      max: 300,
      customRules: { "/sign-in/email": SIGN_IN_LIMIT, "/change-password": SIGN_IN_LIMIT },
    },
    advanced: {
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      useSecureCookies: baseURL.startsWith("https://"),
      // Set by server.ts from the socket or a trusted proxy (lib/client-address.ts); a
      // client's own X-Forwarded-For is never read. (`next dev` has no server.ts: 127.0.0.1.)
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    hooks: {
      // Before any password is hashed: the account and the address must each be past
      // their delay. One atomic statement per key (lib/sign-in-guard.ts).
      before: createAuthMiddleware(async (ctx) => {
        // A password change always ends the account's other sessions, whatever the client
        // asked: whoever learnt the old password is signed out with it.
        if (ctx.path === "/change-password" && ctx.body && typeof ctx.body === "object") {
          return { context: { body: { ...ctx.body, revokeOtherSessions: true } } };
        }
        if (ctx.path !== "/sign-in/email") return;
        const email = emailOf(ctx.body);
        if (!email) return;
        const address = ctx.headers?.get(CLIENT_ADDRESS_HEADER) ?? null;
        const checks: [string, typeof ACCOUNT_RULE, "address" | "account"][] = [
          ...(address ? [[addressKey(address), ADDRESS_RULE, "address"] as [string, typeof ACCOUNT_RULE, "address"]] : []),
          [accountKey(email), ACCOUNT_RULE, "account"],
        ];
        const counted: string[] = [];
        for (const [key, rule, scope] of checks) {
          const r = await reserveAttempt(key, rule);
          if (r.allowed) {
            counted.push(key);
            if (r.count === rule.free + 1) {
              await recordSecurityEvent({ kind: "sign-in-delayed", address, account: email, message: `Sign-in attempts from this ${scope} now wait between tries (${r.count} in a row without success).`, detail: { scope, attempts: r.count } });
            }
            continue;
          }
          // No password is checked: the keys counted before this one (the address, when the
          // account waits) get the attempt back, so hammering a waiting account from an
          // address does not make that address wait for its other sign-ins.
          for (const earlier of counted) await refundAttempt(earlier);
          await recordSecurityEvent({ kind: "sign-in-refused", address, account: email, message: `A sign-in came before this ${scope}'s delay was over; refused before the password was checked.`, detail: { scope, attempts: r.count, retryAfterSeconds: r.retryAfterSeconds } });
          throw new APIError(
            "TOO_MANY_REQUESTS",
            { message: `Too many sign-in attempts ${scope === "account" ? "for this account" : "from your network"}. Try again in ${r.retryAfterSeconds} second${r.retryAfterSeconds === 1 ? "" : "s"}.` },
            { "Retry-After": String(r.retryAfterSeconds) },
          );
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = emailOf(ctx.body);
        if (!email || isAPIError(ctx.context.returned)) return;
        await releaseAfterSuccess(email, ctx.headers?.get(CLIENT_ADDRESS_HEADER) ?? null);
      }),
    },
    // These list sessions with their raw tokens, which page scripts must never see (a
    // token is the session); the app lists no sessions to anyone.
    disabledPaths: ["/list-sessions", "/admin/list-user-sessions"],
    telemetry: { enabled: false },
    plugins: [admin({ defaultRole: "editor", adminRoles: ["admin"] }), nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
let made: Auth | undefined;
const instance = () => (made ??= createAuth());

/**
 * The auth instance, made on first use, not on import. betterAuth opens its database adapter when it
 * is made, and `next dev` loads the auth route in a worker process to list its static paths: made on
 * import, that process opened the embedded database the server holds, and every sign-in logged an
 * unhandled "in use by process N" rejection.
 */
export const auth: Auth = new Proxy({} as Auth, {
  get(_target, property) {
    const target = instance();
    const value = Reflect.get(target, property, target);
    return typeof value === "function" ? value.bind(target) : value;
  },
  // better-auth's toNextJsHandler asks `"handler" in auth`.
  has: (_target, property) => Reflect.has(instance(), property),
});
