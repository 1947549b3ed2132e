import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAlertWebhook, listWebhookDeliveries, removeAlertWebhook, saveAlertWebhook, type AlertWebhookPayload } from "@/lib/alert-webhooks";
import { prisma } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { addFeed } from "@/lib/feeds";
import { workerQueues } from "@/lib/job-handlers";
import { stopJobQueue } from "@/lib/job-queue-connection";
import { startWorker, type Worker } from "@/lib/job-worker";
import { createOutlet, createUser } from "../support/factories";
import { fillerParagraph as filler, rssFeed, startFeedServer, type FeedServer } from "../support/feed-server";
import { waitFor } from "../support/wait-for";
import { useSeededDatabase } from "../support/seeded-database";

/**
 * The alert webhook end to end: an admin sets it up (the secret shown once),
 * a feed item repeats a published claim, and the alert is POSTed to a local
 * receiver that fails twice, then accepts; the receiver checks the signature
 * the way the README documents it, and with the Standard Webhooks reference
 * library. Every attempt is recorded for the admin.
 */
process.env.CLAIMSCOPE_FETCH_ALLOW = "127.0.0.1";
// Retries after 1–2 s, then 2–4 s (pg-boss backoff), instead of 30 s and up.
process.env.WEBHOOK_RETRY_DELAY_SECONDS = "1";

const REPEAT = "Pakistan is still a haven for terror groups focused on the region";
const CLAIM_SLUG = "pakistan-safe-haven-for-regional-terrorist-groups";

interface Received {
  at: number;
  headers: Record<string, string>;
  body: string;
  answered: number;
}

let feeds: FeedServer;
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
/** Status codes the receiver answers with, in turn; 200 once they run out. */
let answers: number[] = [];
let worker: Worker;
let adminId: string;
let editorId: string;


beforeAll(async () => {
  await useSeededDatabase();
  adminId = (await createUser({ role: "admin" })).id;
  editorId = (await prisma.user.findFirstOrThrow({ where: { role: "editor" }, select: { id: true } })).id;
  feeds = await startFeedServer();
  receiver = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      const answered = answers.shift() ?? 200;
      received.push({ at: Date.now(), headers: req.headers as Record<string, string>, body, answered });
      res.writeHead(answered).end(answered === 200 ? "ok" : "try later");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/claimscope`;
  worker = await startWorker({ concurrency: 2, idleMs: 100, queues: workerQueues });
});

afterAll(async () => {
  await worker?.stop();
  await stopJobQueue();
  await feeds?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});


/** A new outlet's feed with one item that repeats the published claim in new words. */
async function repeatFrom(outletName: string): Promise<void> {
  const outlet = await createOutlet({ name: outletName });
  const path = `/${outlet.id}.xml`;
  feeds.set(path, {
    body: rssFeed(outletName, [
      {
        guid: `${outlet.id}-1`,
        title: "Pakistan still shelters militants, US says",
        link: feeds.url(`/a/${outlet.id}`),
        date: new Date(Date.now() + 3_600_000).toISOString(),
        paragraphs: [
          `The U.S. State Department said on Tuesday that “${REPEAT},” in its latest report to Congress on terrorism.`,
          filler("report"),
          "The report, which covers the previous calendar year, is sent to Congress each spring and is read closely in Islamabad, Kabul and New Delhi.",
          "Officials in Islamabad did not answer requests for comment on Tuesday evening.",
        ],
      },
    ]),
  });
  await addFeed({ url: feeds.url(path), outletId: outlet.id, intervalMinutes: 60, actorId: editorId });
}

/** The signature check a receiver does, as the README documents it (node:crypto only). */
function signatureHolds(r: Received, secret: string): boolean {
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const expected = createHmac("sha256", key).update(`${r.headers["webhook-id"]}.${r.headers["webhook-timestamp"]}.${r.body}`).digest();
  return r.headers["webhook-signature"].split(" ").some((sig) => {
    const [version, value] = sig.split(",");
    const given = Buffer.from(value ?? "", "base64");
    return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

describe(`alert webhook (${process.env.TEST_DB})`, () => {
  let secret: string;

  it("an admin sets the webhook: the secret is shown once, then only masked; bad input and a stale form change nothing", async () => {
    const saved = await saveAlertWebhook(adminId, { url: receiverUrl, active: true, newSecret: false, version: null });
    expect(saved.version).toBe(1);
    expect(saved.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    secret = saved.secret!;
    const shown = await getAlertWebhook();
    expect(shown).toMatchObject({ url: receiverUrl, active: true, version: 1, secretHint: `whsec_••••••••${secret.slice(-4)}` });
    expect(JSON.stringify(shown)).not.toContain(secret);
    const events = await prisma.auditEvent.findMany({ where: { entityType: "webhook" }, select: { action: true, actorId: true, after: true } });
    expect(events).toEqual([{ action: "create", actorId: adminId, after: { url: receiverUrl, active: true, secretChanged: true } }]);
    expect(JSON.stringify(events)).not.toContain(secret.slice(6));

    // An address on a private network is refused on its field; a form loaded before the first save is stale.
    await expect(saveAlertWebhook(adminId, { url: "http://10.0.0.7/hook", active: true, newSecret: false, version: 1 })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { url: [expect.stringMatching(/private-network address/)] },
    });
    await expect(saveAlertWebhook(adminId, { url: "https://hooks.example.org/x", active: true, newSecret: true, version: null })).rejects.toBeInstanceOf(ConflictError);
    await expect(removeAlertWebhook(adminId, 7)).rejects.toBeInstanceOf(ConflictError);
    expect(await getAlertWebhook()).toEqual(shown);
    expect(await prisma.auditEvent.count({ where: { entityType: "webhook" } })).toBe(1);
    // Saving again without asking for a new secret keeps the secret.
    expect(await saveAlertWebhook(adminId, { url: receiverUrl, active: true, newSecret: false, version: 1 })).toEqual({ version: 2, secret: null });
    expect(await prisma.alertWebhook.findUniqueOrThrow({ where: { id: "alerts" }, select: { secret: true } })).toEqual({ secret });
  });

  it("a new alert is POSTed, signed; the receiver fails twice, the third try is accepted, and each attempt is recorded", { timeout: 180_000 }, async () => {
    answers = [503, 500];
    await repeatFrom("Webhook Herald");
    const deliveries = await waitFor(() => listWebhookDeliveries(), (d) => d[0]?.status === "delivered");
    expect(deliveries).toHaveLength(1);
    const [delivery] = deliveries;
    expect(delivery).toMatchObject({ event: "alert.created", status: "delivered", outlet: "Webhook Herald", claim: { slug: CLAIM_SLUG } });
    expect(delivery.attempts.map((a) => [a.statusCode, a.error])).toEqual([
      [503, "The receiver answered 503."],
      [500, "The receiver answered 500."],
      [200, null],
    ]);

    expect(received.map((r) => r.answered)).toEqual([503, 500, 200]);
    // Backoff: the second wait is at least the doubled delay.
    expect(received[1].at - received[0].at).toBeGreaterThanOrEqual(1000);
    expect(received[2].at - received[1].at).toBeGreaterThanOrEqual(2000);
    for (const r of received) {
      expect(r.headers["content-type"]).toBe("application/json");
      // The same id on every try, for the receiver to de-duplicate; a fresh timestamp, in seconds.
      expect(r.headers["webhook-id"]).toBe(delivery.id);
      expect(Math.abs(Number(r.headers["webhook-timestamp"]) - r.at / 1000)).toBeLessThan(5);
      expect(signatureHolds(r, secret)).toBe(true);
      expect(new Webhook(secret).verify(r.body, r.headers)).toEqual(JSON.parse(r.body));
      // A body changed on the way, or signed with another secret, does not verify.
      expect(signatureHolds({ ...r, body: r.body.replace("Webhook Herald", "Webhook Hera1d") }, secret)).toBe(false);
      expect(signatureHolds(r, `whsec_${Buffer.alloc(24, 7).toString("base64")}`)).toBe(false);
    }
    const payload = JSON.parse(received[2].body) as AlertWebhookPayload;
    expect(payload).toMatchObject({
      type: "alert.created",
      data: {
        claim: { slug: CLAIM_SLUG },
        outlet: { name: "Webhook Herald" },
        alert: { afterPublication: true, outlets: ["Webhook Herald"] },
      },
    });
    expect(payload.data.hits).toHaveLength(1);
    expect(payload.data.hits[0].wording).toContain(REPEAT);
    expect(payload.data.hits[0].score).toBeGreaterThan(0.5);
  });

  it("a second outlet on the open alert is its own delivery, alert.outlet_added, listing both outlets", { timeout: 120_000 }, async () => {
    const before = received.length;
    await repeatFrom("Webhook Courier");
    const deliveries = await waitFor(() => listWebhookDeliveries(), (d) => d.length === 2 && d.every((x) => x.status === "delivered"));
    expect(deliveries.map((d) => [d.event, d.outlet, d.status, d.attempts.length])).toEqual([
      ["alert.outlet_added", "Webhook Courier", "delivered", 1],
      ["alert.created", "Webhook Herald", "delivered", 3],
    ]);
    expect(received).toHaveLength(before + 1);
    const payload = JSON.parse(received.at(-1)!.body) as AlertWebhookPayload;
    expect(payload.data.alert.outlets).toEqual(["Webhook Herald", "Webhook Courier"]);
    expect(payload.data.outlet.name).toBe("Webhook Courier");
    expect(await prisma.alert.count()).toBe(1);
  });

  it("a webhook whose host resolves to a private address is never called: the attempt records the refusal", { timeout: 120_000 }, async () => {
    const before = received.length;
    // "localhost" is not on the allow list (127.0.0.1 is, as written): it is checked by the address it resolves to.
    await saveAlertWebhook(adminId, { url: receiverUrl.replace("127.0.0.1", "localhost"), active: true, newSecret: false, version: 2 });
    await repeatFrom("Webhook Gazette");
    const deliveries = await waitFor(() => listWebhookDeliveries(), (d) => (d.find((x) => x.outlet === "Webhook Gazette")?.attempts.length ?? 0) > 0);
    const refused = deliveries.find((x) => x.outlet === "Webhook Gazette")!;
    expect(refused.status).toBe("pending");
    expect(refused.attempts[0]).toMatchObject({ statusCode: null, error: expect.stringMatching(/private or local networks/) });
    expect(received).toHaveLength(before);

    // Removed: the delivery's next try drops it.
    await removeAlertWebhook(adminId, 3);
    expect(await getAlertWebhook()).toBeNull();
    const dropped = await waitFor(() => listWebhookDeliveries(), (d) => d.find((x) => x.outlet === "Webhook Gazette")?.status === "failed", 60_000);
    expect(dropped.find((x) => x.outlet === "Webhook Gazette")?.status).toBe("failed");
    expect(received).toHaveLength(before);
  });
});
