/**
 * Outlets corrected by editors (issue 11): they get their domains and homepage,
 * and duplicates are merged with their articles and feeds. Every write is
 * versioned (a stale form is refused), audited (history by names), and bad
 * input changes nothing. Speakers: speakers.test.ts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { ActionError, ConflictError, NotFoundError } from "@/lib/errors";
import { findOrCreateOutletForDomain } from "@/lib/import-url";
import { currentSlug } from "@/lib/record-addresses";
import { NextRequest } from "next/server";
import { editOutlet, getOutletHistory, getOutletMerge, getOutletProfile, listOutletsForEditor, mergeOutlets } from "@/lib/outlets";
import { editOutletSchema, mergeOutletsSchema } from "@/lib/validation/outlet";
import { proxy } from "@/proxy";
import { createArticle, createOutlet, createSpeaker } from "../support/factories";
import { prepareDatabaseWithEditor, publishedClaimBy, run } from "../support/published-claim";

let editor: { id: string; name: string };

beforeAll(async () => {
  editor = await prepareDatabaseWithEditor();
});

describe(`outlets (${process.env.TEST_DB})`, () => {
  it("an editor sets an outlet's name, domains and homepage; an imported link on another domain finds it", async () => {
    const outlet = await createOutlet({ name: `Lakeside Courrier ${run}` });
    const saved = await editOutlet(
      editor.id,
      editOutletSchema.parse({ id: outlet.id, version: outlet.version, name: `Lakeside Courier ${run}`, domain: `https://www.courier-${run}.example/news`, otherDomains: `m.courier-${run}.example\n\nCOURIER-${run}.example`, homepage: `https://courier-${run}.example/`, country: "pk", description: " A daily paper of the lake towns. " }),
    );
    expect(saved).toMatchObject({ version: outlet.version + 1, outlets: true });
    const row = await prisma.outlet.findUniqueOrThrow({ where: { id: outlet.id }, select: { name: true, domain: true, otherDomains: true, homepage: true, country: true, description: true } });
    // Stored as bare host names, the main domain not repeated among the others; the country by its name, as readers see it.
    expect(row).toEqual({
      name: `Lakeside Courier ${run}`,
      domain: `courier-${run}.example`,
      otherDomains: [`m.courier-${run}.example`],
      homepage: `https://courier-${run}.example/`,
      country: "Pakistan",
      description: "A daily paper of the lake towns.",
    });
    // What readers see on the outlet's page.
    expect(await getOutletProfile(`lakeside-courier-${run}`)).toMatchObject({ outlet: { country: "Pakistan", description: "A daily paper of the lake towns." } });
    expect(await findOrCreateOutletForDomain(prisma, `m.courier-${run}.example`, "Some other name")).toBe(outlet.id);
    expect(await findOrCreateOutletForDomain(prisma, `sport.m.courier-${run}.example`, null)).toBe(outlet.id);
    expect((await listOutletsForEditor({ q: `m.courier-${run}.example` })).map((o) => o.id)).toEqual([outlet.id]);
    const [event] = await getOutletHistory(outlet.id);
    expect(event).toMatchObject({ action: "rename", actorName: editor.name, before: expect.objectContaining({ name: `Lakeside Courrier ${run}`, slug: outlet.slug }) });
    // The rename gave the outlet a new address; the old one leads to it.
    const { slug } = await prisma.outlet.findUniqueOrThrow({ where: { id: outlet.id }, select: { slug: true } });
    expect(slug).toBe(`lakeside-courier-${run}`);
    expect(await currentSlug("outlet", outlet.slug)).toBe(slug);
    expect(await currentSlug("outlet", slug)).toBeNull();
  });

  it("a stale form, a domain another outlet has and bad input are refused and change nothing", async () => {
    const first = await createOutlet({ domain: `first-${run}.example` });
    const outlet = await createOutlet();
    const valid = { id: outlet.id, version: outlet.version, name: outlet.name, domain: "", otherDomains: "", homepage: "", country: "", description: "" };
    await editOutlet(editor.id, editOutletSchema.parse({ ...valid, domain: `second-${run}.example` }));
    const before = await prisma.outlet.findUniqueOrThrow({ where: { id: outlet.id } });

    await expect(editOutlet(editor.id, editOutletSchema.parse({ ...valid, name: "Stale" }))).rejects.toThrow(ConflictError);
    await expect(editOutlet(editor.id, editOutletSchema.parse({ ...valid, version: before.version, domain: `second-${run}.example`, otherDomains: `www.first-${run}.example` }))).rejects.toThrow(
      `first-${run}.example is already ${first.name}'s domain`,
    );
    await expect(editOutlet(editor.id, editOutletSchema.parse({ ...valid, version: before.version, name: first.name.toUpperCase() }))).rejects.toThrow(/Another outlet is already called/);
    await expect(editOutlet(editor.id, editOutletSchema.parse({ ...valid, version: before.version, country: "Atlantis" }))).rejects.toThrow(ActionError);
    for (const bad of [
      { ...valid, name: "" },
      { ...valid, domain: "not a domain" },
      { ...valid, domain: "localhost" },
      { ...valid, domain: "news.example", otherDomains: "fine.example\nbad domain" },
      { ...valid, otherDomains: "other.example" },
      { ...valid, homepage: "javascript:alert(1)" },
      { ...valid, homepage: "courier.example" },
      { ...valid, country: "Pakistan\nIndia" },
      { ...valid, description: "x".repeat(1001) },
      { ...valid, description: "bell\u0007" },
    ]) {
      expect(editOutletSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(await prisma.outlet.findUniqueOrThrow({ where: { id: outlet.id } })).toEqual(before);
  });

  /** What a reader's request for `path` is answered with by proxy.ts: the 308 target's path, or null when it passes on. */
  async function redirectOf(path: string) {
    const res = await proxy(new NextRequest(`https://claims.example${path}`));
    return res.status === 308 ? { status: res.status, to: new URL(res.headers.get("location")!).pathname } : null;
  }

  const outletRow = (id: string) => prisma.outlet.findUnique({ where: { id }, select: { name: true, slug: true, domain: true, otherDomains: true, version: true } });

  it("merging a duplicate outlet moves its articles (with their quotes) and feeds, keeps its domains and addresses, records both histories, and deletes it", async () => {
    const keep = await createOutlet({ name: `Valley Times ${run}`, domain: `valleytimes-${run}.example`, otherDomains: [`m.valleytimes-${run}.example`] });
    const dupe = await createOutlet({ name: `The Valley Times ${run}`, domain: `thevalleytimes-${run}.example` });
    // The duplicate was renamed once: its former address must lead to the kept outlet too.
    const renamed = await editOutlet(editor.id, editOutletSchema.parse({ id: dupe.id, version: dupe.version, name: `Valley Times Online ${run}`, domain: dupe.domain!, otherDomains: "", homepage: "", country: "", description: "" }));
    // Domains shared with the kept outlet, as rows from before editors' domain checks may hold them.
    await prisma.outlet.update({ where: { id: dupe.id }, data: { otherDomains: [`m.valleytimes-${run}.example`, `valleytimes-${run}.example`, `amp.thevalleytimes-${run}.example`] } });
    const dupeNow = (await outletRow(dupe.id))!;
    const speaker = await createSpeaker({ name: `Valley Mayor ${run}` });
    const { claim, article, quote } = await publishedClaimBy(speaker.id, dupe.id);
    const keptArticle = await createArticle({ outletId: keep.id });
    const feed = await prisma.feed.create({ data: { outletId: dupe.id, url: `https://thevalleytimes-${run}.example/rss` }, select: { id: true, version: true } });
    expect(await prisma.claimOutlet.findMany({ where: { claimId: claim.id }, select: { outletId: true, quotes: true } })).toEqual([{ outletId: dupe.id, quotes: 1 }]);

    const merged = await mergeOutlets(editor.id, mergeOutletsSchema.parse({ sourceId: dupe.id, sourceVersion: renamed.version, targetId: keep.id }));
    expect(merged).toMatchObject({ id: keep.id, moved: { articles: 1, feeds: 1 }, outlets: true });
    // The purge covers the moved article's page and the claim its quote is in.
    expect(merged.articles).toEqual([article.slug]);
    expect(merged.claims).toEqual([claim.slug]);

    expect(await outletRow(dupe.id)).toBeNull();
    expect(await prisma.article.findUniqueOrThrow({ where: { id: article.id }, select: { outletId: true, version: true } })).toEqual({ outletId: keep.id, version: article.version + 1 });
    expect(await prisma.article.findUniqueOrThrow({ where: { id: keptArticle.id }, select: { version: true } })).toEqual({ version: keptArticle.version });
    expect(await prisma.feed.findUniqueOrThrow({ where: { id: feed.id }, select: { outletId: true, version: true } })).toEqual({ outletId: keep.id, version: feed.version + 1 });
    // The quote stays with its article, its claim and its speaker, untouched.
    expect(await prisma.quote.findUniqueOrThrow({ where: { id: quote.id }, select: { articleId: true, claimId: true, speakerId: true, version: true } })).toEqual({
      articleId: article.id,
      claimId: claim.id,
      speakerId: speaker.id,
      version: quote.version,
    });
    // The claim's outlet counts follow the article (trigger).
    expect(await prisma.claimOutlet.findMany({ where: { claimId: claim.id }, select: { outletId: true, quotes: true } })).toEqual([{ outletId: keep.id, quotes: 1 }]);

    // The duplicate's domains become the kept outlet's other domains: once each, never its main domain.
    expect(await outletRow(keep.id)).toEqual({
      name: `Valley Times ${run}`,
      slug: keep.slug,
      domain: `valleytimes-${run}.example`,
      otherDomains: [`m.valleytimes-${run}.example`, `thevalleytimes-${run}.example`, `amp.thevalleytimes-${run}.example`],
      version: keep.version + 1,
    });
    // An import by the duplicate's domain (or a subdomain of it) now finds the kept outlet.
    expect(await findOrCreateOutletForDomain(prisma, `thevalleytimes-${run}.example`, `The Valley Times ${run}`)).toBe(keep.id);
    expect(await findOrCreateOutletForDomain(prisma, `news.amp.thevalleytimes-${run}.example`, null)).toBe(keep.id);

    // The duplicate's address and its former one answer 308 to the kept outlet's; the kept one's passes on.
    for (const old of [dupe.slug, dupeNow.slug]) expect(await redirectOf(`/outlets/${old}`), old).toEqual({ status: 308, to: `/outlets/${keep.slug}` });
    expect(await redirectOf(`/outlets/${keep.slug}`)).toBeNull();
    // The kept outlet's public page lists the moved article.
    expect((await getOutletProfile(keep.slug))!.articles.map((a) => a.slug).sort()).toEqual([article.slug, keptArticle.slug].sort());

    // Both histories record the merge, by names.
    const [event] = await getOutletHistory(keep.id);
    expect(event).toMatchObject({ action: "merge", actorName: editor.name, after: expect.objectContaining({ absorbed: "(deleted)", absorbedName: `Valley Times Online ${run}`, articles: 1, feeds: 1 }) });
    const [gone] = await getOutletHistory(dupe.id);
    expect(gone).toMatchObject({ action: "merged_into", actorName: editor.name, subject: `Valley Times Online ${run}`, after: { target: `Valley Times ${run}`, targetName: `Valley Times ${run}` } });
    // What the kept outlet's editor page says moved.
    expect(await getOutletMerge(keep.id, dupe.id)).toEqual({ name: `Valley Times Online ${run}`, articles: 1, feeds: 1 });
    expect(await getOutletMerge(keep.id, keep.id)).toBeNull();
  });

  it("a merge from a stale page, of an outlet gone or into itself is refused and changes nothing", async () => {
    const keep = await createOutlet({ domain: `keep-${run}.example` });
    const dupe = await createOutlet({ domain: `dupe-${run}.example` });
    const article = await createArticle({ outletId: dupe.id });
    const feed = await prisma.feed.create({ data: { outletId: dupe.id, url: `https://dupe-${run}.example/feed` }, select: { id: true } });
    const state = async () => ({
      outlets: await Promise.all([outletRow(keep.id), outletRow(dupe.id)]),
      article: await prisma.article.findUniqueOrThrow({ where: { id: article.id }, select: { outletId: true, version: true } }),
      feed: await prisma.feed.findUniqueOrThrow({ where: { id: feed.id }, select: { outletId: true, version: true } }),
      addresses: await prisma.oldSlug.count({ where: { kind: "outlet", recordId: { in: [keep.id, dupe.id] } } }),
      events: await prisma.auditEvent.count({ where: { entityType: "outlet", entityId: { in: [keep.id, dupe.id] } } }),
    });
    const before = await state();

    // Someone saved the duplicate since the page was loaded.
    await expect(mergeOutlets(editor.id, { sourceId: dupe.id, sourceVersion: dupe.version + 1, targetId: keep.id })).rejects.toThrow(ConflictError);
    await expect(mergeOutlets(editor.id, { sourceId: `gone${run}`, sourceVersion: 1, targetId: keep.id })).rejects.toThrow(new NotFoundError("outlet"));
    await expect(mergeOutlets(editor.id, { sourceId: dupe.id, sourceVersion: dupe.version, targetId: `gone${run}` })).rejects.toThrow(new NotFoundError("outlet to keep"));
    const self = mergeOutletsSchema.safeParse({ sourceId: dupe.id, sourceVersion: dupe.version, targetId: dupe.id });
    expect(self.success).toBe(false);
    expect(self.error!.issues[0]).toMatchObject({ path: ["targetId"], message: "Choose a different outlet." });
    for (const bad of [
      { sourceId: dupe.id, sourceVersion: dupe.version, targetId: "" },
      { sourceId: dupe.id, sourceVersion: 0, targetId: keep.id },
      { sourceId: "../../etc", sourceVersion: 1, targetId: keep.id },
      { sourceId: dupe.id, targetId: keep.id },
    ]) {
      expect(mergeOutletsSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(await state()).toEqual(before);
    expect(await findOrCreateOutletForDomain(prisma, `dupe-${run}.example`, null)).toBe(dupe.id);
  });
});
