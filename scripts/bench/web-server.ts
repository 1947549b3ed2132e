// The production server under `npm run bench:web`: started on a corpus, signed in to, stopped.
import { spawn, type ChildProcess } from "node:child_process";
import { BASE, DIST_DIR, PORT, sleep } from "./web-settings";

export function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

export async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn("npx", ["tsx", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      CLAIMSCOPE_SEED: "0",
      NEXT_TELEMETRY_DISABLED: "1",
      HOSTNAME: "127.0.0.1",
      PORT: String(PORT),
      BETTER_AUTH_URL: BASE,
      BETTER_AUTH_SECRET: "bench-secret-0123456789abcdef0123456789abcdef",
      SITE_URL: BASE,
      DATABASE_URL: "",
      REDIS_URL: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let out = "";
  child.stdout!.on("data", (d) => (out = (out + d).slice(-20_000)));
  child.stderr!.on("data", (d) => (out = (out + d).slice(-20_000)));
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${out}`);
    try {
      if ((await fetch(`${BASE}/api/health`, { signal: AbortSignal.timeout(5000) })).ok) return { child, output: () => out };
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  stopServer(child);
  throw new Error(`the server did not start within 10 minutes:\n${out}`);
}

export async function stopServer(child: ChildProcess) {
  if (!child.pid || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  await Promise.race([exited, sleep(10_000)]);
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // gone
  }
}

export async function signIn(email: string, password: string): Promise<string> {
  const res = await fetch(`${BASE}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}
