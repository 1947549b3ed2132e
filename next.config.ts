import type { NextConfig } from "next";

const isDev = process.env.NODE_ENV === "development";

/**
 * Content-Security-Policy. Next's hydration uses inline scripts, so script-src
 * allows 'unsafe-inline' (a per-request nonce would make every page dynamic and
 * defeat the public pages' cache); the real XSS defence is that stored text is
 * only ever rendered as React text nodes. Everything else is locked to 'self'.
 */
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${isDev ? " ws: wss:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

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
    "@electric-sql/pglite", "pglite-prisma-adapter", "jsdom", "@mozilla/readability",
    // The NLP libraries load their models with require() at run time.
    "wink-nlp", "wink-eng-lite-web-model", "compromise",
  ],
  // Separate build folders let several checkouts' test servers build side by side.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  typedRoutes: false,
  // Reader pages and data are cached in memory and expired by tag on every editorial
  // write (lib/cache-tags.ts). Not on disk: the database is the source of truth, and a
  // restart against another database (a restore, a test run) must not serve old pages.
  cacheMaxMemorySize: 256 * 1024 * 1024,
  // Server actions take up to 5 MB: an article of 1,000,000 characters (the import
  // limit) in a non-Latin script is 2–3 MB of UTF-8. proxy.ts refuses bigger bodies
  // with a 413, because Next answers them with a 500.
  experimental: { isrFlushToDisk: false, serverActions: { bodySizeLimit: "5mb" } },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
