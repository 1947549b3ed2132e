import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma, type Tx } from "./db";

/**
 * The audit trail (AuditEvent rows): every editorial write records what it
 * changed, before → after, in its own transaction (`recordAudit`, called by
 * lib/versioned-write.ts and the writers); the history an editor reads is made
 * from the same rows, with ids shown as names.
 */

export interface AuditInput {
  actorId: string | null;
  entityType: "article" | "claim" | "quote" | "annotation" | "tag" | "rating" | "outlet" | "speaker" | "user" | "address" | "feed" | "alert" | "source" | "verdictLabel" | "webhook";
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  // Dates and other objects become their JSON form, as the history page shows them.
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** Must be called with the transaction that makes the change it records. */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: input.actorId,
      entityType: input.entityType,
      entityId: input.entityId,
      action: input.action,
      before: toJson(input.before),
      after: toJson(input.after),
    },
  });
}

// ---- Reading: the history an editor sees ----

export interface HistoryEvent {
  id: string;
  entityType: string;
  entityId: string;
  action: string;
  actorName: string | null;
  /** What was changed, by its name or words (a claim's wording, a quote's words, a speaker's name); null when unknown. */
  subject: string | null;
  createdAt: Date;
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
}

const MAX_EVENTS = 200;
const SUBJECT_CHARS = 120;

async function listEvents(where: Prisma.AuditEventWhereInput, take = MAX_EVENTS): Promise<HistoryEvent[]> {
  const rows = await prisma.auditEvent.findMany({
    where,
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, entityType: true, entityId: true, action: true, before: true, after: true, createdAt: true, actor: { select: { name: true } } },
  });
  const names = await nameIds([...rows.flatMap((r) => idValues([r.before, r.after])), ...rows.map((r) => r.entityId)]);
  return rows.map(({ actor, before, after, ...row }) => ({
    ...row,
    subject: subjectOf(row.entityId, before, after, names),
    before: withNames(before, names),
    after: withNames(after, names),
    actorName: actor?.name ?? null,
  }));
}

// Fields that hold the id, or ids, of a row with a human name (speakerId, claimIds, rebutsId…),
// and the lists of ids some events keep (a deleted tag's `claims` and `quotes`).
const ID_FIELD = /^(?:(?:speaker|oldSpeaker|claim|oldClaim|openClaim|newClaim|rebuts|sourceDocument|verdictLabel|absorbed|survivor|target|outlet|article|quote|fromQuote|matchedQuote|tag|user|reviewer|feed|annotation)Id|splitFrom)$/;
const IDS_FIELD = /^(?:(?:claim|quote|speaker|tag)Ids|claims|quotes)$/;

function idValues(values: Prisma.JsonValue[]): string[] {
  const ids = new Set<string>();
  for (const value of values) {
    if (!value || typeof value !== "object" || Array.isArray(value)) continue;
    for (const [key, v] of Object.entries(value)) {
      if (ID_FIELD.test(key) && typeof v === "string") ids.add(v);
      if (IDS_FIELD.test(key) && Array.isArray(v)) for (const item of v) if (typeof item === "string") ids.add(item);
    }
  }
  return [...ids];
}

const short = (text: string) => (text.length > SUBJECT_CHARS ? `${text.slice(0, SUBJECT_CHARS)}…` : text);

/**
 * Names for the ids an event mentions, so history reads "speaker: U.S.
 * Department of State", not a cuid: claims by their wording, quotes and
 * annotations by their words, articles and sources by their titles, people by
 * their names. Ids are unique across tables (cuids), so one map serves all.
 */
async function nameIds(list: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(list)];
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  const where = { where: { id: { in: ids } } };
  const [speakers, claims, documents, labels, tags, outlets, articles, quotes, annotations, users, feeds] = await Promise.all([
    prisma.speaker.findMany({ ...where, select: { id: true, name: true, title: true } }),
    prisma.claim.findMany({ ...where, select: { id: true, canonical: true } }),
    prisma.sourceDocument.findMany({ ...where, select: { id: true, title: true } }),
    prisma.verdictLabel.findMany({ ...where, select: { id: true, name: true } }),
    prisma.tag.findMany({ ...where, select: { id: true, name: true } }),
    prisma.outlet.findMany({ ...where, select: { id: true, name: true } }),
    prisma.article.findMany({ ...where, select: { id: true, title: true } }),
    prisma.quote.findMany({ ...where, select: { id: true, exact: true } }),
    prisma.annotation.findMany({ ...where, select: { id: true, exact: true } }),
    prisma.user.findMany({ ...where, select: { id: true, name: true } }),
    prisma.feed.findMany({ ...where, select: { id: true, url: true } }),
  ]);
  for (const s of speakers) names.set(s.id, s.title ? `${s.name} (${s.title})` : s.name);
  for (const c of claims) names.set(c.id, short(c.canonical));
  for (const d of documents) names.set(d.id, d.title);
  for (const l of labels) names.set(l.id, l.name);
  for (const t of tags) names.set(t.id, t.name);
  for (const o of outlets) names.set(o.id, o.name);
  for (const a of articles) names.set(a.id, a.title);
  for (const q of quotes) names.set(q.id, `“${short(q.exact)}”`);
  for (const a of annotations) names.set(a.id, `“${short(a.exact)}”`);
  for (const u of users) names.set(u.id, u.name);
  for (const f of feeds) names.set(f.id, f.url);
  return names;
}

/** The changed record's name: as it is now, else as the event recorded it (a deleted record). */
function subjectOf(entityId: string, before: Prisma.JsonValue, after: Prisma.JsonValue, names: Map<string, string>): string | null {
  const now = names.get(entityId);
  if (now) return now;
  for (const value of [after, before]) {
    if (!value || typeof value !== "object" || Array.isArray(value)) continue;
    for (const key of ["name", "title", "canonical", "email", "url"]) {
      const v = (value as Record<string, Prisma.JsonValue>)[key];
      if (typeof v === "string" && v) return short(v);
    }
    const exact = (value as Record<string, Prisma.JsonValue>).exact;
    if (typeof exact === "string" && exact) return `“${short(exact)}”`;
  }
  return null;
}

function withNames(value: Prisma.JsonValue, names: Map<string, string>): Prisma.JsonValue {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  const out: Record<string, Prisma.JsonValue> = {};
  // A deleted row keeps its id in the history; say so rather than show a cuid.
  const name = (id: string) => names.get(id) ?? "(deleted)";
  for (const [key, v] of Object.entries(value)) {
    // The record's own id: the event's subject names it.
    if (key === "id") continue;
    if (ID_FIELD.test(key) && (typeof v === "string" || v === null)) {
      out[key === "splitFrom" ? key : key.replace(/Id$/, "")] = v === null ? null : name(v);
    } else if (IDS_FIELD.test(key) && Array.isArray(v)) {
      out[key.replace(/Ids$/, "s")] = v.map((item) => (typeof item === "string" ? name(item) : item));
    } else {
      out[key] = v ?? null;
    }
  }
  return out;
}

/** The ids of every claim merged into `claimId`, transitively (merges of merges). */
async function absorbedClaimIds(claimId: string): Promise<string[]> {
  const found: string[] = [];
  let frontier = [claimId];
  while (frontier.length && found.length < 500) {
    const merges = await prisma.auditEvent.findMany({
      where: { entityType: "claim", entityId: { in: frontier }, action: "merge" },
      select: { after: true },
    });
    frontier = merges
      .map((m) => (m.after as { absorbedId?: string } | null)?.absorbedId)
      .filter((id): id is string => Boolean(id) && !found.includes(id!));
    found.push(...frontier);
  }
  return found;
}

/** A claim's history, including its rating, tags, and every claim merged into it. */
export async function getClaimHistory(claimId: string) {
  const ids = [claimId, ...(await absorbedClaimIds(claimId))];
  return listEvents({ OR: [{ entityType: { in: ["claim", "rating"] }, entityId: { in: ids } }] });
}

export function getQuoteHistory(quoteId: string) {
  return listEvents({ entityType: "quote", entityId: quoteId });
}

/** An article's history: its text corrections, its annotations and its quotes. */
export async function getArticleHistory(articleId: string) {
  const [quotes, annotations] = await Promise.all([
    prisma.quote.findMany({ where: { articleId }, select: { id: true } }),
    prisma.annotation.findMany({ where: { articleId }, select: { id: true } }),
  ]);
  return listEvents({
    OR: [
      { entityType: "article", entityId: articleId },
      { entityType: "quote", entityId: { in: quotes.map((q) => q.id) } },
      { entityType: "annotation", entityId: { in: annotations.map((a) => a.id) } },
      // Deleted annotations are no longer rows; their events name the article.
      { entityType: "annotation", action: "delete", before: { path: ["articleId"], equals: articleId } },
    ],
  });
}

/** One record's own history (a speaker, an outlet…), or every record's of that type when no id is given. */
export function listEntityHistory(entityType: AuditInput["entityType"], entityId?: string) {
  return listEvents({ entityType, ...(entityId ? { entityId } : {}) });
}

export function getTagHistory(tagId: string) {
  return listEvents({ entityType: "tag", entityId: tagId });
}

/** The latest changes anywhere, each with who made it and the name of what changed. */
export function getRecentActivity(take = 15) {
  return listEvents({}, take);
}

/** Where a merged-away claim went: the surviving claim's id, or null. */
export async function findMergeSurvivor(claimId: string): Promise<string | null> {
  const event = await prisma.auditEvent.findFirst({
    where: { entityType: "claim", entityId: claimId, action: "merged_into" },
    orderBy: { createdAt: "desc" },
    select: { after: true },
  });
  const survivorId = (event?.after as { survivorId?: string } | null)?.survivorId;
  if (!survivorId) return null;
  const exists = await prisma.claim.findUnique({ where: { id: survivorId }, select: { id: true } });
  return exists ? survivorId : findMergeSurvivor(survivorId);
}
