import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins";
import { prisma } from "./db";

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

export const SIGN_IN_LIMIT = { window: 60, max: 10 };

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
  telemetry: { enabled: false },
  plugins: [admin({ defaultRole: "editor", adminRoles: ["admin"] }), nextCookies()],
});
