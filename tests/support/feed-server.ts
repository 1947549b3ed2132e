/**
 * A local HTTP server of feeds for tests: each path serves what the test set,
 * answers conditional requests with 304 when the ETag still holds, can be slow,
 * broken or too large, and records every request (with its If-None-Match).
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Route {
  body: string | Buffer;
  type?: string;
  etag?: string;
  /** Milliseconds before answering. */
  delayMs?: number;
  status?: number;
}

export interface FeedServer {
  url(path: string): string;
  set(path: string, route: Route): void;
  requests: { path: string; ifNoneMatch: string | null; status: number }[];
  /** Requests being answered now, and the most there ever were at once. */
  inFlight(): { now: number; max: number };
  close(): Promise<void>;
}

/** Listens on 127.0.0.1:`port` (0: any free port). */
export async function startFeedServer(port = 0): Promise<FeedServer> {
  const routes = new Map<string, Route>();
  const requests: FeedServer["requests"] = [];
  let now = 0;
  let max = 0;
  const server: Server = createServer((req: IncomingMessage, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    max = Math.max(max, ++now);
    res.once("close", () => now--);
    const route = routes.get(path);
    const ifNoneMatch = (req.headers["if-none-match"] as string | undefined) ?? null;
    const answer = () => {
      if (!route) {
        requests.push({ path, ifNoneMatch, status: 404 });
        res.writeHead(404).end("not found");
        return;
      }
      if (route.etag && ifNoneMatch === route.etag) {
        requests.push({ path, ifNoneMatch, status: 304 });
        res.writeHead(304, { ETag: route.etag }).end();
        return;
      }
      const status = route.status ?? 200;
      requests.push({ path, ifNoneMatch, status });
      res.writeHead(status, { "Content-Type": route.type ?? "application/rss+xml; charset=utf-8", ...(route.etag ? { ETag: route.etag } : {}) });
      res.end(route.body);
    };
    if (route?.delayMs) setTimeout(answer, route.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: (path) => `http://127.0.0.1:${bound}${path}`,
    set: (path, route) => void routes.set(path, route),
    requests,
    inFlight: () => ({ now, max }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** An RSS 2.0 feed whose items carry their full text (content:encoded). */
export function rssFeed(title: string, items: { guid: string; title: string; link: string; date: string; paragraphs: string[] }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${esc(title)}</title><link>https://example.org/</link><description>test</description>
${items
  .map(
    (i) => `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link><guid isPermaLink="false">${esc(i.guid)}</guid><pubDate>${new Date(i.date).toUTCString()}</pubDate>
<description>${esc(i.paragraphs[0].slice(0, 120))}</description><content:encoded><![CDATA[${i.paragraphs.map((p) => `<p>${p}</p>`).join("")}]]></content:encoded></item>`,
  )
  .join("\n")}
</channel></rss>`;
}

/** A news paragraph with no quotation in it, about `topic`. */
export const fillerParagraph = (topic: string) =>
  `Analysts said the ${topic} would be discussed again at the next session, and several lawmakers asked for more detail on how the figures were gathered, which officials promised to publish within weeks.`;
