/**
 * npm run user:create -- [--admin] [--name NAME] EMAIL
 * npm run user:password -- EMAIL
 *
 * Accounts from the command line: the first admin of a production install
 * (demo seed off, so there are no demo accounts), or a new password for an
 * account. The password is read from CLAIMSCOPE_USER_PASSWORD, else prompted
 * twice without echo on a terminal, else read from the first line of standard
 * input; it is never printed. It must be 10 to 128 characters and not one
 * printed in the README. On the embedded database, stop the app first (one
 * process per data directory).
 *
 * Exit codes: 0 done, 1 refused (bad input, e-mail taken or unknown), 2 failure.
 */
import { z } from "zod";

const USAGE = "usage: npm run user:create -- [--admin] [--name NAME] EMAIL\n       npm run user:password -- EMAIL";

class UsageError extends Error {}

interface Command {
  command: "create" | "password";
  email: string;
  name: string | null;
  admin: boolean;
}

function parseArgs(argv: string[]): Command {
  const [command, ...rest] = argv;
  if (command !== "create" && command !== "password") throw new UsageError(USAGE);
  let admin = false;
  let name: string | null = null;
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === "--admin" && command === "create") admin = true;
    else if (arg === "--name" && command === "create") {
      name = rest[++i]?.trim() ?? "";
      if (!name || name.length > 100 || /[\r\n]/.test(name)) throw new UsageError("--name takes the person's name (one line, at most 100 characters)");
    } else if (arg.startsWith("--")) throw new UsageError(`unknown option ${arg}\n${USAGE}`);
    else positional.push(arg);
  }
  if (positional.length !== 1) throw new UsageError(USAGE);
  const email = z.email().max(254).safeParse(positional[0]);
  if (!email.success) throw new UsageError(`not an e-mail address: ${positional[0]}`);
  return { command, email: email.data.toLowerCase(), name, admin };
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    let value = "";
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    const done = (result: string | Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stderr.write("\n");
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return done(value);
        if (ch === "\u0003" || ch === "\u0004") return done(new UsageError("cancelled"));
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else if (ch >= " ") value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

async function readFirstLine(): Promise<string> {
  let data = "";
  for await (const chunk of process.stdin) {
    data += chunk;
    if (data.includes("\n") || data.length > 4096) break;
  }
  return data.split(/\r?\n/)[0];
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.CLAIMSCOPE_USER_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) return readFirstLine();
  const first = await promptHidden("New password: ");
  const second = await promptHidden("Same password again: ");
  if (first !== second) throw new UsageError("the two passwords differ");
  return first;
}

async function main() {
  const command = parseArgs(process.argv.slice(2));
  const { newPasswordField } = await import("../lib/validation/password");
  const password = await readPassword();
  const checked = newPasswordField.safeParse(password);
  if (!checked.success) throw new UsageError(checked.error.issues[0].message);

  const { database, migrateDatabase } = await import("../lib/db");
  const { AccountError, createLocalAccount, setLocalPassword } = await import("../lib/accounts");
  try {
    await migrateDatabase();
    if (command.command === "create") {
      const role = command.admin ? "admin" : "editor";
      await createLocalAccount(database.prisma, { email: command.email, name: command.name ?? command.email.split("@")[0], role, password: checked.data });
      console.log(`Created the ${role} account ${command.email}.`);
    } else {
      await setLocalPassword(database.prisma, command.email, checked.data);
      console.log(`New password set for ${command.email}; its sessions have ended.`);
    }
  } catch (error) {
    if (error instanceof AccountError) throw new UsageError(error.message);
    throw error;
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof UsageError ? 1 : 2);
});
