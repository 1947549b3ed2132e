/**
 * The production server: Next's request handler behind the public cache
 * (lib/public-cache/: what is cached, under which keys, how a write purges it on
 * every server and at the CDN, and the hash-based Content-Security-Policy).
 * `npm start` runs it; `npm run dev` is plain `next dev`, uncached.
 */
import { createServer } from "node:http";
import next from "next";
import { stampClientAddress } from "./lib/client-address";
import { withDatabaseGate } from "./lib/database-health";
import { publicCache } from "./lib/public-cache/cache";
import { createRequestListener } from "./lib/public-cache/http";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";

function decodablePath(url: string): boolean {
  try {
    decodeURIComponent(url.split("?", 1)[0]);
    return true;
  } catch {
    return false;
  }
}

async function main() {
  (process.env as Record<string, string>).NODE_ENV ??= "production";
  const cache = publicCache();
  const app = next({ dev: false, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // In production Next runs instrumentation.ts's register() on the first request, so a
  // server whose database cannot be opened (the embedded one locked by another process,
  // migrations failing, a README password with the demo seed off) would say "ready" and
  // then answer 500. Run it now: such a server exits 1 with the error before it listens.
  // This is Next's own once-only runner of register() (a module Next keeps unbundled,
  // ".external", so its request handler finds it done); loaded after prepare(), which
  // sets up the AsyncLocalStorage it needs.
  const { ensureInstrumentationRegistered } = await import("next/dist/server/lib/router-utils/instrumentation-globals.external.js");
  await ensureInstrumentationRegistered(process.cwd(), process.env.NEXT_DIST_DIR ?? ".next");
  // Past the cache, a request waits for no unreachable PostgreSQL: 503 at once.
  const listener = createRequestListener(cache, withDatabaseGate(handle));
  const server = createServer((req, res) => {
    // The client's address for sign-in limits and security events (TRUSTED_PROXIES).
    stampClientAddress(req);
    // Next answers a path whose percent-escapes do not decode with a 500.
    if (!decodablePath(req.url ?? "/")) {
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("This address is malformed (a broken %-escape).");
      return;
    }
    listener(req, res);
  });
  // Node closes an idle keep-alive connection after 5 s, which races a client (a proxy, a
  // CDN, a test's HTTP client) that reuses it at that moment: its request is reset
  // (ECONNRESET). Keep idle connections longer than the usual proxies' 60 s idle timeout,
  // so the proxy closes first; headers must still arrive sooner than that.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.listen(port, hostname, () => {
    console.log(`Claimscope ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
