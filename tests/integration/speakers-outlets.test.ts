/**
 * Speakers and outlets corrected by editors (issue 11): a ministry stored as a
 * person with its title glued to its name is fixed, and the public claim page,
 * speaker page and ClaimReview follow; duplicates are merged with their quotes;
 * outlets get their domains and homepage. Every write is versioned (a stale
 * form is refused), audited (history by names), and bad input changes nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildClaimReview } from "@/lib/claim-review-jsonld";
import { getPublishedClaim } from "@/lib/claim-page";
import { migrateDatabase, prisma } from "@/lib/db";
import { ActionError, ConflictError, NotFoundError } from "@/lib/errors";
import { claimReviews } from "@/lib/exports/feeds";
import { loadSpeakerRegistry } from "@/lib/analysis-context";
import { importArticle } from "@/lib/import-article";
import { findOrCreateOutletForDomain } from "@/lib/import-url";
import { currentSlug, uniqueRecordSlug } from "@/lib/record-addresses";
import { NextRequest } from "next/server";
import { editOutlet, getOutletHistory, getOutletMerge, getOutletProfile, listOutletsForEditor, mergeOutlets } from "@/lib/outlets";
import { editSpeaker, getSpeakerForEditor, getSpeakerHistory, getSpeakerProfile, listSpeakersForEditor, mergeSpeakers } from "@/lib/speakers";
import { editOutletSchema, mergeOutletsSchema } from "@/lib/validation/outlet";
import { proxy } from "@/proxy";
import { editSpeakerSchema } from "@/lib/validation/speaker";
import { seedReferenceData } from "@/prisma/seed";
import { createArticle, createClaim, createOutlet, createQuote, createSpeaker, createUser } from "../support/factories";

let editor: { id: string; name: string };
const run = Date.now().toString(36);

beforeAll(async () => {
  await migrateDatabase();
  await seedReferenceData(prisma);
  const user = await createUser();
  editor = { id: user.id, name: user.name };
});

/** A speaker created as an import creates one: its slug free among current and former addresses. */
async function createSpeakerWithImportSlug(name: string) {
  return prisma.$transaction(async (tx) => tx.speaker.create({ data: { name, kind: "person", slug: await uniqueRecordSlug(tx, "speaker", name) }, select: { slug: true } }));
}

/** A published, rated claim by `speakerId` with one confirmed quote in an article of `outletId`. */
async function publishedClaimBy(speakerId: string, outletId?: string) {
  const claim = await createClaim({ status: "published", speakerId, canonical: `Reservoirs will be full by spring ${run}` });
  const article = await createArticle({ outletId, body: `Reservoirs\n\nThe ministry said “reservoirs will be full by spring,” on Monday.` });
  const quote = await createQuote(article.id, "reservoirs will be full by spring,", { claimId: claim.id, speakerId, reviewStatus: "confirmed" });
  const label = await prisma.verdictLabel.findUniqueOrThrow({ where: { slug: "mixed" }, select: { id: true } });
  await prisma.rating.create({ data: { claimId: claim.id, verdictLabelId: label.id, verdictExplanation: "Partly.", fidelityRating: 4, framingRating: 4, publishedAt: new Date() } });
  return { claim, article, quote };
}

async function reviewOf(slug: string) {
  const page = buildClaimReview((await getPublishedClaim(slug))!, "https://claims.example")!;
  let feed;
  for await (const review of claimReviews("https://claims.example")) if (review.url === page.url) feed = review;
  return { page, feed: feed! };
}

const speakerRow = (id: string) => prisma.speaker.findUnique({ where: { id }, select: { name: true, kind: true, title: true, aliases: true, version: true } });

describe(`speakers (${process.env.TEST_DB})`, () => {
  it("a ministry stored as a person with its title glued on is corrected, and the claim page, speaker page and ClaimReview say so", async () => {
    const speaker = await createSpeaker({ name: `Spokesperson Water Ministry ${run}`, kind: "person" });
    const { claim } = await publishedClaimBy(speaker.id);
    expect((await reviewOf(claim.slug)).page.itemReviewed.author).toEqual({ "@type": "Person", name: `Spokesperson Water Ministry ${run}` });

    const saved = await editSpeaker(editor.id, editSpeakerSchema.parse({ id: speaker.id, version: speaker.version, name: `Water Ministry ${run}`, kind: "government", title: "Spokesperson", aliases: `WM ${run}\n\nWater Ministry ${run}`, acronyms: "", country: "" }));
    expect(saved.version).toBe(speaker.version + 1);
    // The purge covers the claim page that shows the speaker.
    expect(saved.claims).toContain(claim.slug);
    expect(await speakerRow(speaker.id)).toEqual({ name: `Water Ministry ${run}`, kind: "government", title: "Spokesperson", aliases: [`WM ${run}`], version: saved.version });

    const { page, feed } = await reviewOf(claim.slug);
    for (const review of [page, feed]) expect(review.itemReviewed.author).toEqual({ "@type": "GovernmentOrganization", name: `Water Ministry ${run}` });
    const detail = await getPublishedClaim(claim.slug);
    expect(detail!.speaker).toMatchObject({ name: `Water Ministry ${run}`, kind: "government", title: "Spokesperson" });
    // The new name gave the speaker a new address (the old one answers 308: tested below).
    const { slug } = await prisma.speaker.findUniqueOrThrow({ where: { id: speaker.id }, select: { slug: true } });
    expect(slug).not.toBe(speaker.slug);
    const profile = await getSpeakerProfile(slug);
    expect(profile).toMatchObject({ name: `Water Ministry ${run}`, kind: "government", title: "Spokesperson", aliases: [`WM ${run}`] });

    // The editor's list finds it by its alias and counts what is theirs.
    const { speakers } = await listSpeakersForEditor({ q: `WM ${run}` });
    expect(speakers).toEqual([expect.objectContaining({ id: speaker.id, quotes: 1, claims: 1, documents: 0 })]);

    // History names the editor and the values, before → after.
    const [event] = await getSpeakerHistory(speaker.id);
    expect(event).toMatchObject({ action: "rename", actorName: editor.name });
    expect(event.before).toMatchObject({ name: `Spokesperson Water Ministry ${run}`, kind: "person", title: null });
    expect(event.after).toMatchObject({ name: `Water Ministry ${run}`, kind: "government", title: "Spokesperson" });
  });

  it("a person's title is kept apart from the name and published as jobTitle", async () => {
    const speaker = await createSpeaker({ name: `Foreign Minister Jane Roe ${run}`, kind: "person" });
    const { claim } = await publishedClaimBy(speaker.id);
    // Saving the name with the title still glued on is refused, with the name to use.
    const glued = editSpeakerSchema.safeParse({ id: speaker.id, version: 1, name: `Foreign Minister Jane Roe ${run}`, kind: "person", title: "Foreign Minister", aliases: "", acronyms: "", country: "" });
    expect(glued.success).toBe(false);
    expect(glued.error!.issues[0]).toMatchObject({ path: ["name"], message: expect.stringContaining(`“Jane Roe ${run}”`) });
    await editSpeaker(editor.id, editSpeakerSchema.parse({ id: speaker.id, version: 1, name: `Jane Roe ${run}`, kind: "person", title: "Foreign Minister", aliases: "", acronyms: "", country: "" }));
    expect((await reviewOf(claim.slug)).page.itemReviewed.author).toEqual({ "@type": "Person", name: `Jane Roe ${run}`, jobTitle: "Foreign Minister" });
  });

  it("a stale form, a taken name and bad input are refused and change nothing", async () => {
    const speaker = await createSpeaker({ name: `Harbour Authority ${run}` });
    const other = await createSpeaker({ name: `Port Board ${run}` });
    const valid = { id: speaker.id, version: speaker.version, name: `Harbour Authority ${run}`, kind: "organisation", title: "", aliases: "", acronyms: "", country: "" };
    await editSpeaker(editor.id, editSpeakerSchema.parse({ ...valid, title: "Press office" }));
    const before = await speakerRow(speaker.id);
    const events = (await getSpeakerHistory(speaker.id)).length;

    await expect(editSpeaker(editor.id, editSpeakerSchema.parse({ ...valid, name: "Stale edit" }))).rejects.toThrow(ConflictError);
    const taken = editSpeaker(editor.id, editSpeakerSchema.parse({ ...valid, version: before!.version, name: `port board ${run}` }));
    await expect(taken).rejects.toThrow(ActionError);
    await expect(taken).rejects.toThrow(/Another speaker is already called “Port Board .*merge/);
    for (const bad of [
      { ...valid, name: "" },
      { ...valid, name: "Two\nlines" },
      { ...valid, name: "Null\u0000byte" },
      { ...valid, kind: "robot" },
      { ...valid, title: "x".repeat(121) },
      { ...valid, aliases: Array.from({ length: 51 }, (_, i) => `Alias ${i}`).join("\n") },
      { ...valid, id: "../../etc" },
      { ...valid, version: 0 },
    ]) {
      expect(editSpeakerSchema.safeParse(bad).success, JSON.stringify(bad).slice(0, 80)).toBe(false);
    }
    expect(await speakerRow(speaker.id)).toEqual(before);
    expect(await speakerRow(other.id)).toMatchObject({ name: `Port Board ${run}`, version: 1 });
    expect((await getSpeakerHistory(speaker.id)).length).toBe(events);
  });

  it("merging a duplicate moves its quotes, claims and sources, keeps its name as an alias, and deletes it", async () => {
    const keep = await createSpeaker({ name: `Lakeside Water Board ${run}`, aliases: ["LWB"] });
    const dupe = await createSpeaker({ name: `The Water Board ${run}`, kind: "person", aliases: ["Board"] });
    const { claim, quote } = await publishedClaimBy(dupe.id);
    const doc = await prisma.sourceDocument.create({ data: { title: `Board statement ${run}`, slug: `board-statement-${run}`, speakerId: dupe.id }, select: { id: true } });

    // A merge from a stale page is refused and moves nothing.
    await expect(mergeSpeakers(editor.id, { sourceId: dupe.id, sourceVersion: dupe.version + 1, targetId: keep.id })).rejects.toThrow(ConflictError);
    expect(await prisma.quote.findUniqueOrThrow({ where: { id: quote.id }, select: { speakerId: true } })).toEqual({ speakerId: dupe.id });

    const merged = await mergeSpeakers(editor.id, { sourceId: dupe.id, sourceVersion: dupe.version, targetId: keep.id });
    expect(merged).toMatchObject({ id: keep.id, moved: { quotes: 1, claims: 1, documents: 1 } });
    expect(merged.claims).toContain(claim.slug);
    expect(await prisma.speaker.findUnique({ where: { id: dupe.id } })).toBeNull();
    expect(await prisma.quote.findUniqueOrThrow({ where: { id: quote.id }, select: { speakerId: true, version: true } })).toEqual({ speakerId: keep.id, version: quote.version + 1 });
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { speakerId: true } })).toEqual({ speakerId: keep.id });
    expect(await prisma.sourceDocument.findUniqueOrThrow({ where: { id: doc.id }, select: { speakerId: true } })).toEqual({ speakerId: keep.id });
    expect(await speakerRow(keep.id)).toMatchObject({ aliases: ["LWB", `The Water Board ${run}`, "Board"], version: keep.version + 1 });
    expect((await reviewOf(claim.slug)).page.itemReviewed.author).toEqual({ "@type": "Organization", name: `Lakeside Water Board ${run}` });
    expect((await getSpeakerForEditor(keep.id))!._count).toEqual({ quotes: 1, claims: 1, documents: 1 });

    const [event] = await getSpeakerHistory(keep.id);
    expect(event).toMatchObject({ action: "merge", actorName: editor.name, after: expect.objectContaining({ absorbed: `(deleted)`, absorbedName: `The Water Board ${run}` }) });
  });
});

describe(`speaker kinds, countries, acronyms and addresses (${process.env.TEST_DB})`, () => {
  const form = (s: { id: string; version: number }, fields: Partial<Record<"name" | "kind" | "title" | "aliases" | "acronyms" | "country", string>>) =>
    editSpeakerSchema.parse({ id: s.id, version: s.version, name: "", kind: "organisation", title: "", aliases: "", acronyms: "", country: "", ...fields });

  it("each kind types ClaimReview's author; country and acronyms are stored, shown on the speaker page, and an acronym names the speaker like an alias", async () => {
    const speaker = await createSpeaker({ name: `Inter Services Relations ${run}`, kind: "person" });
    const { claim } = await publishedClaimBy(speaker.id);
    const acronym = `ISR${run.slice(-4).toUpperCase().replace(/[^A-Z]/g, "X")}`;
    let version = speaker.version;
    const authors: Record<string, unknown> = {};
    for (const kind of ["government", "document_issuer", "organisation", "person"] as const) {
      const saved = await editSpeaker(editor.id, form({ id: speaker.id, version }, { name: `Inter Services Relations ${run}`, kind, acronyms: `${acronym}\n\n${acronym}`, aliases: `ISR office ${run}\n${acronym}`, country: "pakistan" }));
      version = saved.version;
      const { page, feed } = await reviewOf(claim.slug);
      expect(feed.itemReviewed.author).toEqual(page.itemReviewed.author);
      authors[kind] = page.itemReviewed.author;
    }
    expect(authors).toEqual({
      government: { "@type": "GovernmentOrganization", name: `Inter Services Relations ${run}` },
      document_issuer: { "@type": "Organization", name: `Inter Services Relations ${run}` },
      organisation: { "@type": "Organization", name: `Inter Services Relations ${run}` },
      person: { "@type": "Person", name: `Inter Services Relations ${run}` },
    });
    // Stored as the country's code; the acronym once, and not repeated among the aliases.
    const row = await prisma.speaker.findUniqueOrThrow({ where: { id: speaker.id }, select: { country: true, acronyms: true, aliases: true } });
    expect(row).toEqual({ country: "PK", acronyms: [acronym], aliases: [`ISR office ${run}`] });
    expect(await getSpeakerProfile(speaker.slug)).toMatchObject({ country: "PK", acronyms: [acronym], aliases: [`ISR office ${run}`] });
    // The editor's list finds it by its acronym; the analysis's registry resolves the acronym to it.
    expect((await listSpeakersForEditor({ q: acronym })).speakers.map((s) => s.id)).toEqual([speaker.id]);
    const { registry } = await loadSpeakerRegistry(prisma);
    expect(registry.resolve(acronym)?.id).toBe(speaker.id);
    // History records the country and acronyms as values.
    const events = await getSpeakerHistory(speaker.id);
    expect(events.at(-1)).toMatchObject({ before: expect.objectContaining({ country: null, acronyms: [] }), after: expect.objectContaining({ country: "PK", acronyms: [acronym] }) });
  });

  it("a country or acronym that is none is refused with a clear message and changes nothing", async () => {
    const speaker = await createSpeaker({ name: `Delta Port Trust ${run}` });
    const before = await prisma.speaker.findUniqueOrThrow({ where: { id: speaker.id } });
    const refused = (fields: Record<string, string>, path: string, message: RegExp) => {
      const parsed = editSpeakerSchema.safeParse({ id: speaker.id, version: speaker.version, name: speaker.name, kind: "organisation", title: "", aliases: "", acronyms: "", country: "", ...fields });
      expect(parsed.success, JSON.stringify(fields)).toBe(false);
      expect(parsed.error!.issues[0]).toMatchObject({ path: [path], message: expect.stringMatching(message) });
    };
    refused({ country: "Atlantis" }, "country", /“Atlantis” is not a country/);
    refused({ country: "ZZ" }, "country", /not a country/);
    refused({ acronyms: "Delta Port" }, "acronyms", /“Delta Port” is not an acronym/);
    refused({ acronyms: "dpt" }, "acronyms", /not an acronym/);
    refused({ acronyms: Array.from({ length: 21 }, (_, i) => `DP${i}X`).join("\n") }, "acronyms", /At most 20 acronyms/);
    // The server parses the country again: a value the form would refuse never reaches the row.
    await expect(editSpeaker(editor.id, { ...form(speaker, { name: speaker.name }), country: "Atlantis" })).rejects.toThrow(ActionError);
    expect(await prisma.speaker.findUniqueOrThrow({ where: { id: speaker.id } })).toEqual(before);
  });

  it("a renamed speaker gets a new address and the old one leads to it; a merged speaker's addresses lead to the kept one", async () => {
    const speaker = await createSpeaker({ name: `Sewage Ministery ${run}`, kind: "government" });
    const oldSlug = speaker.slug;
    const saved = await editSpeaker(editor.id, form(speaker, { name: `Sewage Ministry ${run}`, kind: "government" }));
    const renamed = await prisma.speaker.findUniqueOrThrow({ where: { id: speaker.id }, select: { slug: true } });
    expect(renamed.slug).toBe(`sewage-ministry-${run}`);
    expect(await currentSlug("speaker", oldSlug)).toBe(renamed.slug);
    expect(await currentSlug("speaker", renamed.slug)).toBeNull();
    expect(await getSpeakerProfile(renamed.slug)).toMatchObject({ name: `Sewage Ministry ${run}` });
    // A new speaker of the old name does not take the old address: old links keep leading to the renamed one.
    const { slug: fresh } = await createSpeakerWithImportSlug(`Sewage Ministery ${run}`);
    expect(fresh).not.toBe(oldSlug);
    expect(await currentSlug("speaker", oldSlug)).toBe(renamed.slug);
    // Changing only the kind or the case keeps the address.
    await editSpeaker(editor.id, form({ id: speaker.id, version: saved.version }, { name: `sewage ministry ${run}`, kind: "organisation" }));
    expect((await prisma.speaker.findUniqueOrThrow({ where: { id: speaker.id }, select: { slug: true } })).slug).toBe(renamed.slug);

    const keep = await createSpeaker({ name: `Ministry of Sewage ${run}`, kind: "government" });
    const dupe = await prisma.speaker.findUniqueOrThrow({ where: { id: speaker.id } });
    await mergeSpeakers(editor.id, { sourceId: dupe.id, sourceVersion: dupe.version, targetId: keep.id });
    for (const old of [oldSlug, renamed.slug]) expect(await currentSlug("speaker", old), old).toBe(keep.slug);
    // Deleting the kept speaker deletes its former addresses: they lead nowhere.
    await prisma.speaker.delete({ where: { id: keep.id } });
    expect(await prisma.oldSlug.count({ where: { kind: "speaker", recordId: keep.id } })).toBe(0);
    expect(await currentSlug("speaker", oldSlug)).toBeNull();
  });

  it("an import stores a new speaker with the kind the analysis found and the acronym the article defined", async () => {
    // A name and an acronym of this run only (letters: the analysis reads digits as no name).
    const letters = run.replace(/\d/g, (d) => "abcdefghij"[Number(d)]);
    const cap = (w: string) => w[0].toUpperCase() + w.slice(1);
    const [first, second] = [letters.slice(0, 4), letters.slice(4)];
    const name = `${cap(first)} ${cap(second)} Ferries Authority`;
    const acronym = `${first[0]}${second[0]}FA`.toUpperCase();
    const text = `The ${name} (${acronym}) on Monday said the levy was “unavoidable for the ferries”.\n\n“Fares will rise,” ${acronym} said.`;
    await importArticle(prisma, { outletId: null, newOutletName: `Acronym Herald ${run}`, title: `Levy ${run}`, byline: null, publishedAt: null, url: null, format: "text", content: text, stripBoilerplate: false }, editor.id);
    const stored = await prisma.speaker.findFirstOrThrow({ where: { name }, select: { kind: true, acronyms: true } });
    expect(stored).toEqual({ kind: "organisation", acronyms: [acronym] });
  });
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
