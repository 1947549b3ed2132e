import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins";
import { prisma } from "./db";
import { clearFailedSignIns, recordFailedSignIn, signInRetryAfter } from "./sign-in-guard";

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

/** Per client address; the per-account failure limit (lib/sign-in-guard.ts) is the stricter one. */
export const SIGN_IN_LIMIT = { window: 60, max: Number(process.env.SIGN_IN_RATE_LIMIT ?? 30) };

function emailOf(body: unknown): string | null {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" && email.length <= 254 ? email : null;
}

export const auth = betterAuth({
  appName: "Claimscope",
  baseURL,
  secret: authSecret(),
  trustedOrigins: [baseURL, baseURL.replace("localhost", "127.0.0.1")],
  database: prismaAdapter(prisma, { provider: "postgresql" }),
  emailAndPassword: {
    enabled: true,
    // Accounts are made by an admin, never by visitors.
    disableSignUp: true,
    minPasswordLength: 10,
    maxPasswordLength: 128,
    revokeSessionsOnPasswordReset: true,
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
  },
  hooks: {
    before: createAuthMiddleware(async (ctx) => {
      if (ctx.path !== "/sign-in/email") return;
      const email = emailOf(ctx.body);
      if (!email) return;
      const retryAfter = await signInRetryAfter(email);
      if (retryAfter > 0) {
        throw new APIError("TOO_MANY_REQUESTS", {
          message: `Too many failed sign-ins for this account. Try again in ${Math.ceil(retryAfter / 60)} minutes.`,
        });
      }
    }),
    after: createAuthMiddleware(async (ctx) => {
      if (ctx.path !== "/sign-in/email") return;
      const email = emailOf(ctx.body);
      if (!email) return;
      if (isAPIError(ctx.context.returned)) {
        if (ctx.context.returned.statusCode === 401) await recordFailedSignIn(email);
      } else {
        await clearFailedSignIns(email);
      }
    }),
  },
  telemetry: { enabled: false },
  plugins: [admin({ defaultRole: "editor", adminRoles: ["admin"] }), nextCookies()],
});
