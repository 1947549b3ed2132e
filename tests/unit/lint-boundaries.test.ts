import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The layout's boundaries are lint rules (eslint.config.mjs). Each case lints a
 * file that is not in the tree — text given to ESLint under a path where it
 * would sit — so a failed run leaves nothing behind for the build to trip on.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const BOUNDARY_RULES = new Set(["no-restricted-imports", "import/no-restricted-paths", "no-restricted-syntax"]);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  return result.messages.filter((m) => m.ruleId && BOUNDARY_RULES.has(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`);
}

describe("lint keeps the boundaries", { timeout: 120_000 }, () => {
  it.each([
    ["the database client", "lib/analysis/lint-probe.ts", `import { prisma } from "@/lib/db";\nexport { prisma };`],
    ["the rest of lib/ by a relative path", "lib/analysis/lint-probe.ts", `import { anchorSelection } from "../versioned-write";\nexport { anchorSelection };`],
    ["the file system", "lib/anchoring/lint-probe.ts", `import { readFileSync } from "node:fs";\nexport { readFileSync };`],
    ["Next", "lib/analysis/data/lint-probe.ts", `import { notFound } from "next/navigation";\nexport { notFound };`],
    ["React", "lib/anchoring/lint-probe.ts", `import { useState } from "react";\nexport { useState };`],
    ["a package not on the pure list", "lib/analysis/lint-probe.ts", `import { JSDOM } from "jsdom";\nexport { JSDOM };`],
    ["anything at run time", "lib/analysis/lint-probe.ts", `export const load = () => import("./text");`],
  ])("lib/analysis and lib/anchoring may not import %s", async (_what, file, code) => {
    expect(await boundaryErrors(file, code)).not.toEqual([]);
  });

  it("lib/analysis and lib/anchoring may import each other and the pure packages", async () => {
    const code = `import { wordTokens } from "./text";\nimport { describeSpan } from "../anchoring/selectors";\nimport { diffWords } from "diff";\nimport nlp from "compromise/two";\nexport { wordTokens, describeSpan, diffWords, nlp };`;
    expect(await boundaryErrors("lib/analysis/lint-probe.ts", code)).toEqual([]);
  });

  it.each([
    ["by alias", `import { editClaimAction } from "@/app/(editor)/editor/_actions/claims";\nexport { editClaimAction };`],
    ["by a relative path", `import { editClaimAction } from "../app/(editor)/editor/_actions/claims";\nexport { editClaimAction };`],
  ])("a component may not import from app/ (%s)", async (_how, code) => {
    expect(await boundaryErrors("components/lint-probe.tsx", code)).not.toEqual([]);
  });

  it.each([
    ["the seed", `import { seedDatabase } from "@/prisma/seed";\nexport { seedDatabase };`],
    ["the seed, loaded at run time", `export const seed = () => import("@/prisma/seed");`],
    ["app/", `import { editClaimAction } from "../app/(editor)/editor/_actions/claims";\nexport { editClaimAction };`],
    ["the server-action wrapper (by alias)", `import { action } from "@/lib/action";\nexport { action };`],
    ["the server-action wrapper (by a relative path)", `import { action } from "./action";\nexport { action };`],
  ])("lib/ may not import %s", async (_what, code) => {
    expect(await boundaryErrors("lib/lint-probe.ts", code)).not.toEqual([]);
  });

  it("lib/ counts quotes for the rows in hand, never through a relation _count (which counts the whole table)", async () => {
    const relationCount = `import { prisma } from "./db";\nexport const n = () => prisma.claim.findMany({ select: { id: true, _count: { select: { quotes: { where: { reviewStatus: "confirmed" } } } } } });`;
    expect(await boundaryErrors("lib/lint-probe.ts", relationCount)).toEqual([expect.stringContaining("lib/quote-counts.ts")]);
    const inHand = `import { quoteCountsByClaim } from "./quote-counts";\nexport const n = (ids: string[]) => quoteCountsByClaim(ids, {});`;
    expect(await boundaryErrors("lib/lint-probe.ts", inHand)).toEqual([]);
  });

  it("lib/ may import the error classes, and a nested lib/ module may not reach the wrapper either", async () => {
    expect(await boundaryErrors("lib/lint-probe.ts", `import { ConflictError } from "./errors";\nexport { ConflictError };`)).toEqual([]);
    expect(await boundaryErrors("lib/exports/lint-probe.ts", `import { action } from "../action";\nexport { action };`)).not.toEqual([]);
  });

  it.each([
    ["app/ (the client from lib/db.ts)", "app/(public)/lint-probe/page.tsx", `import { prisma } from "@/lib/db";\nexport { prisma };`],
    ["app/ (the generated client)", "app/api/lint-probe/route.ts", `import { PrismaClient } from "@/generated/prisma/client";\nexport { PrismaClient };`],
    ["components/", "components/lint-probe.tsx", `import { prisma } from "@/lib/db";\nexport { prisma };`],
    ["a root entry point", "lint-probe.ts", `import { Pool } from "pg";\nexport { Pool };`],
  ])("only lib/ touches the Prisma client: not %s", async (_where, file, code) => {
    expect(await boundaryErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ["lib/", "lib/lint-probe.ts"],
    ["the seed", "prisma/lint-probe.ts"],
    ["scripts/", "scripts/lint-probe.ts"],
    ["tests/", "tests/integration/lint-probe.test.ts"],
  ])("%s may use the Prisma client", async (_where, file) => {
    const code = `import { prisma } from "@/lib/db";\nimport type { PrismaClient } from "@/generated/prisma/client";\nexport const client: PrismaClient = prisma;`;
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});
