import "server-only";
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { recordAudit } from "./audit";
import { prisma } from "./db";
import { ActionError, NotFoundError } from "./errors";
import { PermanentJobError, sendJobs, stableJobId, type JobHandler, type QueueSpec } from "./job-queue";
import { checkUrl, FetchError, safePost } from "./safe-fetch";
import { claimUrl, configuredSiteUrl } from "./site-url";
import { assertVersion, updateVersioned } from "./versioned-write";

/**
 * The alert webhook: an admin gives a URL, Claimscope makes a shared secret,
 * and each new alert (its first outlet) and each new outlet on an open alert is
 * POSTed there as JSON by an `alert-webhook` job, retried with backoff until
 * the receiver answers 2xx.
 *
 * Signed the Standard Webhooks way (standardwebhooks.com, the scheme Svix and
 * others use; signed with its reference library):
 *   webhook-id:        the delivery's id, the same on every retry (de-duplicate on it)
 *   webhook-timestamp: the attempt's time, Unix seconds
 *   webhook-signature: "v1," + base64(HMAC-SHA256(key, id + "." + timestamp + "." + body))
 * where `key` is the base64 text after the secret's "whsec_" prefix, decoded.
 * A receiver recomputes the signature over the raw body, compares in constant
 * time, and refuses timestamps more than a few minutes off (replays).
 *
 * The URL is fetched under lib/safe-fetch.ts's rules: never the server's own
 * networks unless CLAIMSCOPE_FETCH_ALLOW names the host; redirects are not
 * followed.
 */

export const ALERT_WEBHOOK_ID = "alerts";

/** Tries per delivery: the first and 7 retries, about 1 h 10 min with the default delay. */
const RETRIES = 7;
/**
 * The `alert-webhook` queue: a failed POST is tried again after
 * WEBHOOK_RETRY_DELAY_SECONDS (default 30), doubling each time (pg-boss's
 * retryBackoff, with jitter).
 */
export const alertWebhookQueue: QueueSpec = {
  name: "alert-webhook",
  retryLimit: RETRIES,
  get retryDelay() {
    return Number(process.env.WEBHOOK_RETRY_DELAY_SECONDS) || 30;
  },
  retryBackoff: true,
  expireInSeconds: 60,
};

/** Time for one POST, in ms. */
const POST_TIMEOUT_MS = 10_000;

export type AlertWebhookEvent = "alert.created" | "alert.outlet_added";

/** A new Standard Webhooks secret: "whsec_" + base64 of 24 random bytes (192 bits). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

/** The secret as the admin page shows it after the first time: its prefix and last four characters. */
export function maskSecret(secret: string): string {
  return `whsec_••••••••${secret.slice(-4)}`;
}

export interface AlertWebhookSettings {
  url: string;
  active: boolean;
  version: number;
  secretHint: string;
  updatedAt: Date;
}

/** The webhook as the admin page shows it (never the secret itself); null when none is set. */
export async function getAlertWebhook(): Promise<AlertWebhookSettings | null> {
  const row = await prisma.alertWebhook.findUnique({ where: { id: ALERT_WEBHOOK_ID }, select: { url: true, active: true, version: true, secret: true, updatedAt: true } });
  return row && { url: row.url, active: row.active, version: row.version, secretHint: maskSecret(row.secret), updatedAt: row.updatedAt };
}

/**
 * Sets the webhook (audited; the secret never enters the audit trail). The
 * first save makes a secret, and so does `newSecret`; the new secret is
 * returned, once, for the admin to copy. `version` is the one the admin
 * loaded, null when there was no webhook.
 * @throws ActionError (invalid) for an address on the server's own networks;
 * ConflictError when another admin saved first.
 */
export async function saveAlertWebhook(
  actorId: string,
  input: { url: string; active: boolean; newSecret: boolean; version: number | null },
): Promise<{ version: number; secret: string | null }> {
  try {
    checkUrl(input.url);
  } catch (error) {
    if (error instanceof FetchError) throw new ActionError(error.message, "invalid", { url: [error.message] });
    throw error;
  }
  return prisma.$transaction(async (tx) => {
    const current = await tx.alertWebhook.findUnique({ where: { id: ALERT_WEBHOOK_ID }, select: { url: true, active: true, version: true } });
    assertVersion(current, input.version, "Another admin changed the webhook after you opened the page. Nothing was saved: reload to see it.");
    const secret = !current || input.newSecret ? newWebhookSecret() : null;
    const audit = { url: input.url, active: input.active, secretChanged: Boolean(secret) };
    if (!current) {
      await tx.alertWebhook.create({ data: { id: ALERT_WEBHOOK_ID, url: input.url, active: input.active, secret: secret!, updatedById: actorId } });
      await recordAudit(tx, { actorId, entityType: "webhook", entityId: ALERT_WEBHOOK_ID, action: "create", after: audit });
      return { version: 1, secret };
    }
    await updateVersioned(tx, "alertWebhook", {
      where: { id: ALERT_WEBHOOK_ID },
      version: current.version,
      data: { url: input.url, active: input.active, updatedById: actorId, ...(secret ? { secret } : {}) },
      audit: { actorId, entityType: "webhook", entityId: ALERT_WEBHOOK_ID, action: "edit", before: { url: current.url, active: current.active }, after: audit },
    });
    return { version: current.version + 1, secret };
  });
}

/**
 * Removes the webhook (audited): nothing more is sent; deliveries already
 * queued are dropped when their turn comes.
 * @throws ConflictError when another admin saved first; NotFoundError when there is none.
 */
export async function removeAlertWebhook(actorId: string, version: number): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const current = await tx.alertWebhook.findUnique({ where: { id: ALERT_WEBHOOK_ID }, select: { url: true, version: true } });
    if (!current) throw new NotFoundError("webhook");
    assertVersion(current, version, "Another admin changed the webhook after you opened the page. Nothing was removed: reload to see it.");
    await tx.alertWebhook.delete({ where: { id: ALERT_WEBHOOK_ID } });
    await recordAudit(tx, { actorId, entityType: "webhook", entityId: ALERT_WEBHOOK_ID, action: "delete", before: { url: current.url } });
  });
}

/** The JSON body of one delivery (Standard Webhooks' `type`, `timestamp`, `data`). */
export interface AlertWebhookPayload {
  type: AlertWebhookEvent;
  /** When the event happened (ISO 8601). */
  timestamp: string;
  data: {
    alert: { id: string; afterPublication: boolean; outlets: string[] };
    claim: { id: string; slug: string; canonical: string; url: string | null };
    outlet: { id: string; name: string };
    /** This outlet's repeats of the claim: its wording, the match score (0..1) and reason, and where it appeared. */
    hits: { wording: string; score: number; reason: string; article: { title: string; url: string | null } }[];
  };
}

async function buildPayload(alertId: string, outletId: string, at: Date): Promise<AlertWebhookPayload | null> {
  const alert = await prisma.alert.findUnique({
    where: { id: alertId },
    select: {
      id: true,
      afterPublication: true,
      claim: { select: { id: true, slug: true, canonical: true } },
      hits: {
        orderBy: { createdAt: "asc" },
        select: { score: true, reason: true, outlet: { select: { id: true, name: true } }, quote: { select: { exact: true, article: { select: { title: true, url: true } } } } },
      },
    },
  });
  const mine = alert?.hits.filter((h) => h.outlet.id === outletId) ?? [];
  if (!alert || !mine.length) return null;
  const site = configuredSiteUrl();
  return {
    type: alert.hits[0].outlet.id === outletId ? "alert.created" : "alert.outlet_added",
    timestamp: at.toISOString(),
    data: {
      alert: { id: alert.id, afterPublication: alert.afterPublication, outlets: [...new Set(alert.hits.map((h) => h.outlet.name))] },
      claim: { ...alert.claim, url: site ? claimUrl(alert.claim.slug, site) : null },
      outlet: mine[0].outlet,
      hits: mine.map((h) => ({ wording: h.quote.exact, score: h.score, reason: h.reason, article: h.quote.article })),
    },
  };
}

/**
 * After alert hits were stored: one delivery per (alert, outlet) not yet
 * announced, each sent by its own job, when a webhook is set and on. The
 * alert's first outlet is `alert.created`, later ones `alert.outlet_added`.
 * Idempotent (a delivery is unique per alert and outlet, its job id derived
 * from its id), so a feed-item job that runs again sends nothing twice.
 */
export async function queueAlertWebhooks(touched: { alertId: string; outletId: string }[]): Promise<number> {
  if (!touched.length) return 0;
  const hook = await prisma.alertWebhook.findUnique({ where: { id: ALERT_WEBHOOK_ID }, select: { active: true } });
  if (!hook?.active) return 0;
  const now = new Date();
  for (const t of touched) {
    const payload = await buildPayload(t.alertId, t.outletId, now);
    if (!payload) continue;
    await prisma.webhookDelivery.createMany({
      data: [{ alertId: t.alertId, outletId: t.outletId, event: payload.type, payload: JSON.stringify(payload) }],
      skipDuplicates: true,
    });
  }
  const pending = await prisma.webhookDelivery.findMany({
    where: { status: "pending", OR: touched.map((t) => ({ alertId: t.alertId, outletId: t.outletId })) },
    select: { id: true },
  });
  await sendJobs(
    alertWebhookQueue,
    pending.map((d) => ({ id: stableJobId("alert-webhook", d.id), data: { deliveryId: d.id } })),
  );
  return pending.length;
}

/**
 * One POST of a delivery, recorded as an attempt. Resolves when the receiver
 * answered 2xx; throws otherwise, so the queue tries again with backoff; after
 * the last try the delivery is marked failed.
 */
export const runAlertWebhookJob: JobHandler = async (data, job) => {
  const deliveryId = (data as { deliveryId?: unknown })?.deliveryId;
  if (typeof deliveryId !== "string") throw new PermanentJobError("alert-webhook job without a delivery id");
  const delivery = await prisma.webhookDelivery.findUnique({ where: { id: deliveryId }, select: { id: true, status: true, payload: true } });
  if (!delivery || delivery.status !== "pending") return { skipped: delivery ? `already ${delivery.status}` : "the delivery no longer exists" };
  const hook = await prisma.alertWebhook.findUnique({ where: { id: ALERT_WEBHOOK_ID }, select: { url: true, secret: true, active: true } });
  if (!hook?.active) {
    await prisma.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "failed" } });
    return { skipped: "the webhook was removed or paused" };
  }
  const at = new Date();
  const headers = {
    "content-type": "application/json",
    "webhook-id": delivery.id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(hook.secret).sign(delivery.id, at, delivery.payload),
  };
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    statusCode = (await safePost(hook.url, { headers, body: delivery.payload, timeoutMs: POST_TIMEOUT_MS })).status;
    if (statusCode < 200 || statusCode >= 300) error = `The receiver answered ${statusCode}.`;
  } catch (e) {
    if (!(e instanceof FetchError)) throw e;
    error = e.message;
  }
  const last = job.retryCount >= RETRIES;
  await prisma.$transaction([
    prisma.webhookAttempt.create({ data: { deliveryId: delivery.id, url: hook.url, startedAt: at, durationMs: Math.round(performance.now() - started), statusCode, error } }),
    prisma.webhookDelivery.update({
      where: { id: delivery.id },
      data: error ? (last ? { status: "failed" } : {}) : { status: "delivered", deliveredAt: new Date() },
    }),
  ]);
  if (error) throw new Error(error);
  return { statusCode };
};

export interface WebhookDeliveryView {
  id: string;
  event: string;
  status: "pending" | "delivered" | "failed";
  createdAt: Date;
  deliveredAt: Date | null;
  claim: { slug: string; canonical: string };
  outlet: string;
  attempts: { startedAt: Date; durationMs: number; statusCode: number | null; error: string | null }[];
}

/** The newest deliveries with every attempt, for the admin's webhook page. */
export async function listWebhookDeliveries(limit = 50): Promise<WebhookDeliveryView[]> {
  const rows = await prisma.webhookDelivery.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      event: true,
      status: true,
      createdAt: true,
      deliveredAt: true,
      outletId: true,
      alert: { select: { claim: { select: { slug: true, canonical: true } } } },
      attempts: { orderBy: { startedAt: "asc" }, select: { startedAt: true, durationMs: true, statusCode: true, error: true } },
    },
  });
  const outlets = new Map(
    (await prisma.outlet.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.outletId))] } }, select: { id: true, name: true } })).map((o) => [o.id, o.name]),
  );
  return rows.map((r) => ({
    id: r.id,
    event: r.event,
    status: r.status,
    createdAt: r.createdAt,
    deliveredAt: r.deliveredAt,
    claim: r.alert.claim,
    outlet: outlets.get(r.outletId) ?? "(outlet removed)",
    attempts: r.attempts,
  }));
}
