import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "@/lib/demo-accounts";

describe("README", () => {
  it("lists exactly the demo accounts and their passwords (the passwords a production start refuses)", async () => {
    const readme = await readFile(path.join(process.cwd(), "README.md"), "utf8");
    const rows = [...readme.matchAll(/^\| `([^`@]+@[^`]+)` \| `([^`]+)` \| (\w+) \|$/gm)].map((m) => ({ email: m[1], password: m[2], role: m[3] }));
    const byEmail = (a: { email: string }, b: { email: string }) => a.email.localeCompare(b.email);
    expect(rows.sort(byEmail)).toEqual(DEMO_ACCOUNTS.map((a) => ({ email: a.email, password: a.password, role: a.role })).sort(byEmail));
  });
});
