import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at
  // run time; bundling it breaks those paths.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "jsdom", "@mozilla/readability"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
