/**
 * Row factories for tests: the same Prisma client and the same lib functions
 * the app uses, with defaults that make each row unique.
 */
import { randomBytes } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { ClaimStatus, Prisma } from "@/generated/prisma/client";
import { contentHash } from "@/lib/content-hash";
import { prisma } from "@/lib/db";

const uid = () => randomBytes(4).toString("hex");

export async function createOutlet(data: Partial<Prisma.OutletCreateInput> = {}) {
  const id = uid();
  return prisma.outlet.create({ data: { name: `Outlet ${id}`, slug: `outlet-${id}`, ...data } });
}

export async function createSpeaker(data: Partial<Prisma.SpeakerCreateInput> = {}) {
  const id = uid();
  return prisma.speaker.create({ data: { name: `Speaker ${id}`, slug: `speaker-${id}`, kind: "organisation", ...data } });
}

export async function createArticle({ outletId, title, body }: { outletId?: string; title?: string; body?: string } = {}) {
  const id = uid();
  const t = title ?? `Article ${id}`;
  const text = body ?? `${t}\n\nThe ministry said “militants operate freely here,” according to the report ${id}.`;
  return prisma.article.create({
    data: {
      outletId: outletId ?? (await createOutlet()).id,
      title: t,
      slug: `article-${id}`,
      body: text,
      contentHash: contentHash(text + id),
    },
  });
}

export async function createClaim({ status = "draft", speakerId, canonical }: { status?: ClaimStatus; speakerId?: string; canonical?: string } = {}) {
  const id = uid();
  return prisma.claim.create({
    data: {
      slug: `claim-${id}`,
      canonical: canonical ?? `Militants operate freely ${id}.`,
      status,
      speakerId,
      publishedAt: status === "published" ? new Date() : null,
    },
  });
}

/** A quote on `exact`'s first occurrence in the article body. */
export async function createQuote(articleId: string, exact: string, data: Partial<Prisma.QuoteUncheckedCreateInput> = {}) {
  const article = await prisma.article.findUniqueOrThrow({ where: { id: articleId }, select: { body: true } });
  const start = article.body.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in the article`);
  const end = start + exact.length;
  return prisma.quote.create({
    data: {
      articleId,
      exact,
      start,
      end,
      prefix: article.body.slice(Math.max(0, start - 32), start),
      suffix: article.body.slice(end, end + 32),
      ...data,
    },
  });
}

export async function createUser({ role = "editor", password = "correct-horse-battery" }: { role?: "editor" | "admin"; password?: string } = {}) {
  const id = crypto.randomUUID();
  return prisma.user.create({
    data: {
      id,
      email: `user-${uid()}@claimscope.test`,
      name: `User ${id.slice(0, 4)}`,
      role,
      emailVerified: true,
      accounts: { create: { id: crypto.randomUUID(), accountId: id, providerId: "credential", password: await hashPassword(password) } },
    },
  });
}
