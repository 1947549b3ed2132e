/**
 * The demo seed's accounts. Their passwords are printed in the README, so they
 * are public: the accounts exist only with the demo seed, no new password may be
 * one of them (lib/validation/password.ts), and a production start (demo seed
 * off) refuses to run while any account still has one (lib/accounts.ts).
 * A test keeps this list and the README's table equal.
 */
export const DEMO_ACCOUNTS = [
  { email: "admin@claimscope.local", name: "Ada Admin", role: "admin", password: "claimscope-admin" },
  { email: "editor@claimscope.local", name: "Eddie Editor", role: "editor", password: "claimscope-editor" },
  { email: "editor2@claimscope.local", name: "Erin Editor", role: "editor", password: "claimscope-editor2" },
] as const;

/** Passwords anyone can read in the README. */
export const PUBLISHED_PASSWORDS: readonly string[] = DEMO_ACCOUNTS.map((a) => a.password);
