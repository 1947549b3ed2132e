/**
 * Two seeds. The reference data every install needs (the verdict labels) is
 * loaded on a new database whatever the mode; later changes to it reach existing
 * databases as data migrations (prisma/migrations), since a seed never updates
 * rows that exist. The demo seed (on unless CLAIMSCOPE_SEED=0) adds the seed
 * corpus — outlets, speakers, the primary source, the five seed articles through
 * the same ingest pipeline editors use, editorial decisions — and the demo
 * accounts. Idempotent: every row is found by its natural key first, so a second
 * run changes nothing and loses nothing.
 *
 * Runs at app start (lib/startup.ts) and as `prisma db seed` (the demo seed).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/generated/prisma/client";
import type { SpeakerKind } from "@/generated/prisma/enums";
import { createLocalAccount } from "@/lib/accounts";
import { DEMO_ACCOUNTS } from "@/lib/demo-accounts";

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

/**
 * The reference verdict labels. `ratingValue` is the place on the truth scale
 * (5 = true … 1 = false, as Google reads ClaimReview: nearer bestRating is more
 * true); null for a verdict that is not a degree of truth, published by name only.
 * A change here reaches existing databases only through a data migration.
 */
export const VERDICT_LABELS: { slug: string; name: string; ratingValue: number | null; description: string }[] = [
  { slug: "accurate", name: "Accurate", ratingValue: 5, description: "The claim is supported by the evidence." },
  { slug: "mostly-accurate", name: "Mostly accurate", ratingValue: 4, description: "Supported, with minor caveats." },
  { slug: "mixed", name: "Mixed", ratingValue: 3, description: "Parts are supported and parts are not." },
  { slug: "misleading", name: "Misleading", ratingValue: 2, description: "Accurate words that leave a false impression." },
  { slug: "inaccurate", name: "Inaccurate", ratingValue: 1, description: "The evidence contradicts the claim." },
  { slug: "unverifiable", name: "Unverifiable", ratingValue: null, description: "Not enough public evidence to judge." },
  { slug: "out-of-context", name: "Out of context", ratingValue: null, description: "Real words, quoted so as to change what they meant." },
  { slug: "satire", name: "Satire", ratingValue: null, description: "Said as a joke or parody, not as a statement of fact." },
];

async function readCorpus(): Promise<Corpus> {
  return JSON.parse(await readFile(path.join(SEED_DIR, "corpus.json"), "utf8")) as Corpus;
}

export interface SeedSummary {
  articlesCreated: number;
}

/**
 * The reference data: the verdict labels, on a database that has none. Admins
 * manage them afterwards (a label they delete stays deleted).
 */
export async function seedReferenceData(prisma: PrismaClient): Promise<void> {
  if ((await prisma.verdictLabel.count()) > 0) return;
  // skipDuplicates: two servers starting on one new database both find it empty.
  await prisma.verdictLabel.createMany({ data: VERDICT_LABELS.map((label, i) => ({ ...label, sortOrder: i })), skipDuplicates: true });
}

/** The demo seed: the reference data, then the seed corpus, its editorial decisions and the demo accounts. */
export async function seedDatabase(prisma: PrismaClient): Promise<SeedSummary> {
  await seedReferenceData(prisma);
  const corpus = await readCorpus();

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

  for (const account of DEMO_ACCOUNTS) {
    if (await prisma.user.findUnique({ where: { email: account.email }, select: { id: true } })) continue;
    await createLocalAccount(prisma, account);
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
