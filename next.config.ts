import type { NextConfig } from "next";
import { contentSecurityPolicy } from "./lib/public-cache/csp";

const isDev = process.env.NODE_ENV === "development";

/**
 * Content-Security-Policy for every response Next sends (lib/public-cache/csp.ts).
 * In production it allows no inline script: server.ts replaces it on each HTML
 * response with one naming the hashes of that page's own inline scripts.
 * `next dev` runs without server.ts, so there inline scripts and eval are allowed.
 */
const csp = contentSecurityPolicy({ dev: isDev });

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at
  // run time; bundling it breaks those paths.
  serverExternalPackages: [
    "@electric-sql/pglite", "pglite-prisma-adapter", "jsdom", "@mozilla/readability", "pg-boss", "pdfjs-dist",
    // The NLP libraries load their models with require() at run time.
    "wink-nlp", "wink-eng-lite-web-model", "compromise",
  ],
  // Separate build folders let several checkouts' test servers build side by side.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  typedRoutes: false,
  // Next caches no reader data or page: reader pages are rendered per request and
  // cached in front of Next by the public cache (lib/public-cache/), the one cache.
  // Nothing on disk either: a restart against another database (a restore, a test
  // run) must not serve old pages.
  cacheMaxMemorySize: 0,
  // Server actions take up to 5 MB: an article of 1,000,000 characters (the import
  // limit) in a non-Latin script is 2–3 MB of UTF-8. proxy.ts refuses bigger bodies
  // with a 413, because Next answers them with a 500.
  experimental: {
    isrFlushToDisk: false,
    serverActions: { bodySizeLimit: "5mb" },
    // Turbopack keeps a build cache in .next by default (Next 16.4), which makes a
    // rebuild here take 40 s instead of 2.5 min. CI builds once from a clean clone and
    // never reads it: writing it took 22 s of the two cores the tests need.
    turbopackFileSystemCacheForBuild: process.env.CI !== "true",
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
