/**
 * Seeds the database with the seed corpus: outlets, speakers, the primary source,
 * the five seed articles (through the same ingest pipeline editors use), the
 * verdict labels and the seeded accounts. Idempotent: every row is found by its
 * natural key first, so a second run changes nothing and loses nothing.
 *
 * Runs at app start (instrumentation.ts) and as `prisma db seed`.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { hashPassword } from "better-auth/crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import type { SpeakerKind } from "@/generated/prisma/enums";

const SEED_DIR = path.join(process.cwd(), "prisma", "seed-data");

interface Corpus {
  outlets: { slug: string; name: string; domain: string; country: string; description: string }[];
  speakers: { slug: string; name: string; kind: SpeakerKind; aliases: string[]; description?: string }[];
  sourceDocuments: { slug: string; title: string; speaker: string; publishedAt: string; url: string; file: string }[];
  articles: {
    slug: string;
    outlet: string;
    file: string;
    title: string;
    byline: string | null;
    publishedAt: string;
  }[];
}

export const SEEDED_ACCOUNTS = [
  { email: "admin@claimscope.local", name: "Ada Admin", role: "admin", password: "claimscope-admin" },
  { email: "editor@claimscope.local", name: "Eddie Editor", role: "editor", password: "claimscope-editor" },
  { email: "editor2@claimscope.local", name: "Erin Editor", role: "editor", password: "claimscope-editor2" },
] as const;

export const VERDICT_LABELS = [
  { slug: "accurate", name: "Accurate", ratingValue: 5, description: "The claim is supported by the evidence." },
  { slug: "mostly-accurate", name: "Mostly accurate", ratingValue: 4, description: "Supported, with minor caveats." },
  { slug: "mixed", name: "Mixed", ratingValue: 3, description: "Parts are supported and parts are not." },
  { slug: "misleading", name: "Misleading", ratingValue: 2, description: "Accurate words that leave a false impression." },
  { slug: "inaccurate", name: "Inaccurate", ratingValue: 1, description: "The evidence contradicts the claim." },
  { slug: "unverifiable", name: "Unverifiable", ratingValue: 3, description: "Not enough public evidence to judge." },
];

async function readCorpus(): Promise<Corpus> {
  return JSON.parse(await readFile(path.join(SEED_DIR, "corpus.json"), "utf8")) as Corpus;
}

export interface SeedSummary {
  articlesCreated: number;
}

export async function seedDatabase(prisma: PrismaClient): Promise<SeedSummary> {
  const corpus = await readCorpus();

  for (const [i, label] of VERDICT_LABELS.entries()) {
    await prisma.verdictLabel.upsert({
      where: { slug: label.slug },
      create: { ...label, sortOrder: i },
      update: {},
    });
  }

  for (const outlet of corpus.outlets) {
    await prisma.outlet.upsert({ where: { slug: outlet.slug }, create: outlet, update: {} });
  }

  const speakerIds = new Map<string, string>();
  for (const speaker of corpus.speakers) {
    const row = await prisma.speaker.upsert({
      where: { slug: speaker.slug },
      create: speaker,
      update: {},
      select: { id: true },
    });
    speakerIds.set(speaker.slug, row.id);
  }

  for (const doc of corpus.sourceDocuments) {
    const text = await readFile(path.join(SEED_DIR, doc.file), "utf8");
    await prisma.sourceDocument.upsert({
      where: { slug: doc.slug },
      create: {
        slug: doc.slug,
        title: doc.title,
        speakerId: speakerIds.get(doc.speaker) ?? null,
        publishedAt: new Date(doc.publishedAt),
        url: doc.url,
        text,
      },
      update: {},
    });
  }

  for (const account of SEEDED_ACCOUNTS) {
    const existing = await prisma.user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (existing) continue;
    const id = crypto.randomUUID();
    await prisma.user.create({
      data: {
        id,
        email: account.email,
        name: account.name,
        role: account.role,
        emailVerified: true,
        accounts: {
          create: {
            id: crypto.randomUUID(),
            accountId: id,
            providerId: "credential",
            password: await hashPassword(account.password),
          },
        },
      },
    });
  }

  const { ingestArticle } = await import("@/lib/ingest");
  let articlesCreated = 0;
  for (const article of corpus.articles) {
    const outlet = await prisma.outlet.findUniqueOrThrow({ where: { slug: article.outlet }, select: { id: true } });
    const [body, raw] = await Promise.all([
      readFile(path.join(SEED_DIR, `${article.file}.txt`), "utf8"),
      readFile(path.join(SEED_DIR, `${article.file}.raw.txt`), "utf8"),
    ]);
    const result = await ingestArticle(prisma, {
      outletId: outlet.id,
      slug: article.slug,
      title: article.title,
      byline: article.byline,
      url: null,
      publishedAt: new Date(article.publishedAt),
      body,
      rawText: raw,
      actorId: null,
    });
    if (result.created) articlesCreated++;
  }
  const { applyEditorialDecisions } = await import("./seed-decisions");
  await applyEditorialDecisions(prisma);
  return { articlesCreated };
}

// `prisma db seed` / `tsx prisma/seed.ts`
if (import.meta.url === `file://${process.argv[1]}`) {
  const { database, migrateDatabase } = await import("@/lib/db");
  await migrateDatabase();
  const summary = await seedDatabase(database.prisma);
  console.log(`seeded: ${summary.articlesCreated} new articles`);
  await database.close();
}
