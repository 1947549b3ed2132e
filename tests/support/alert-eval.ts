/**
 * Alert precision and recall on the labelled feed items of
 * tests/fixtures/alert-eval (see its README): each item is stored as a feed
 * item of its outlet, imported and matched by the same functions the
 * `feed-item` job runs (importFeedItem, alertsForFeedItem), on the database
 * lib/db opens, which must hold the seed. Scored per (item, claim).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { alertsForFeedItem } from "../../lib/alerts";
import { prisma } from "../../lib/db";
import { importFeedItem } from "../../lib/feed-polling";
import { startFeedServer } from "./feed-server";

interface LabelledItem {
  id: string;
  outlet: string;
  title: string;
  paragraphs: string[];
  repeats: string[];
  note: string;
}

export interface AlertEval {
  items: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  mistakes: { id: string; kind: "missed" | "wrong"; claim: string; note: string }[];
}

export function loadAlertEvalItems(): LabelledItem[] {
  return JSON.parse(readFileSync(path.join(process.cwd(), "tests/fixtures/alert-eval/items.json"), "utf8")) as LabelledItem[];
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

export async function runAlertEval(): Promise<AlertEval> {
  const items = loadAlertEvalItems();
  // A feed item's short text is a summary: its page is fetched, from this local server.
  process.env.CLAIMSCOPE_FETCH_ALLOW = "127.0.0.1";
  const pages = await startFeedServer();
  try {
    return await evaluate(items, pages);
  } finally {
    await pages.close();
  }
}

async function evaluate(items: LabelledItem[], pages: Awaited<ReturnType<typeof startFeedServer>>): Promise<AlertEval> {
  const feedIds = new Map<string, string>();
  let t = Date.now();
  const predicted = new Map<string, Set<string>>();
  for (const item of items) {
    let feedId = feedIds.get(item.outlet);
    if (!feedId) {
      const slug = `eval-${item.outlet.toLowerCase().replace(/\W+/g, "-")}`;
      const outlet = await prisma.outlet.upsert({ where: { slug }, create: { name: item.outlet, slug }, update: {}, select: { id: true } });
      // Paused: nothing polls it; its items are processed below, one by one, in order.
      feedId = (await prisma.feed.create({ data: { url: `https://${slug}.example/feed.xml`, outletId: outlet.id, active: false }, select: { id: true } })).id;
      feedIds.set(item.outlet, feedId);
    }
    const row = await prisma.feedItem.create({
      data: {
        feedId,
        guid: item.id,
        url: pages.url(`/eval/${item.id}`),
        title: item.title,
        // Each later than the reviews, a minute apart.
        publishedAt: new Date((t += 60_000) + 86_400_000),
        content: item.paragraphs.map((p) => `<p>${esc(p)}</p>`).join(""),
      },
      select: { id: true },
    });
    pages.set(`/eval/${item.id}`, {
      type: "text/html; charset=utf-8",
      body: `<!doctype html><html><head><title>${esc(item.title)} | ${esc(item.outlet)}</title></head><body><article><h1>${esc(item.title)}</h1>${item.paragraphs.map((p) => `<p>${esc(p)}</p>`).join("")}</article></body></html>`,
    });
    await importFeedItem(row.id);
    await alertsForFeedItem(row.id);
    const hits = await prisma.alertHit.findMany({ where: { feedItemId: row.id }, select: { alert: { select: { claim: { select: { slug: true } } } } } });
    predicted.set(item.id, new Set(hits.map((h) => h.alert.claim.slug)));
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const mistakes: AlertEval["mistakes"] = [];
  for (const item of items) {
    const got = predicted.get(item.id)!;
    for (const claim of item.repeats) {
      if (got.has(claim)) tp++;
      else {
        fn++;
        mistakes.push({ id: item.id, kind: "missed", claim, note: item.note });
      }
    }
    for (const claim of got) {
      if (!item.repeats.includes(claim)) {
        fp++;
        mistakes.push({ id: item.id, kind: "wrong", claim, note: item.note });
      }
    }
  }
  return {
    items: items.length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp ? tp / (tp + fp) : 1,
    recall: tp + fn ? tp / (tp + fn) : 1,
    mistakes,
  };
}
