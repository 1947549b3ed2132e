import { defineConfig } from "prisma/config";

// DATABASE_URL is only needed by `prisma migrate deploy` against a real
// PostgreSQL; the app itself applies the committed migrations at start (see
// lib/migrate.ts), so `prisma generate` must work without it.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx --conditions=react-server prisma/seed.ts",
  },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
