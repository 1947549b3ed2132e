/**
 * Speakers corrected by editors (issue 11): a ministry stored as a person with
 * its title glued to its name is fixed, and the public claim page, speaker page
 * and ClaimReview follow; duplicates are merged with their quotes. Every write
 * is versioned (a stale form is refused), audited (history by names), and bad
 * input changes nothing. Outlets: outlets.test.ts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildClaimReview } from "@/lib/claim-review-jsonld";
import { getPublishedClaim } from "@/lib/claim-page";
import { prisma } from "@/lib/db";
import { ActionError, ConflictError } from "@/lib/errors";
import { claimReviews } from "@/lib/exports/feeds";
import { loadSpeakerRegistry } from "@/lib/analysis-context";
import { importArticle } from "@/lib/import-article";
import { currentSlug, uniqueRecordSlug } from "@/lib/record-addresses";
import { editSpeaker, getSpeakerForEditor, getSpeakerHistory, getSpeakerProfile, listSpeakersForEditor, listSpeakersPage, mergeSpeakers } from "@/lib/speakers";
import { editSpeakerSchema } from "@/lib/validation/speaker";
import { createSpeaker } from "../support/factories";
import { prepareDatabaseWithEditor, publishedClaimBy, run } from "../support/published-claim";

let editor: { id: string; name: string };

beforeAll(async () => {
  editor = await prepareDatabaseWithEditor();
});

/** A speaker created as an import creates one: its slug free among current and former addresses. */
async function createSpeakerWithImportSlug(name: string) {
  return prisma.$transaction(async (tx) => tx.speaker.create({ data: { name, kind: "person", slug: await uniqueRecordSlug(tx, "speaker", name) }, select: { slug: true } }));
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

describe(`the speakers directory (${process.env.TEST_DB})`, () => {
  it("pages the speakers, most-claimed first, each once; a page past the last shows the last", async () => {
    await prepareDatabaseWithEditor();
    const busy = await createSpeaker({ name: `Busy Minister ${run}` });
    await publishedClaimBy(busy.id);
    await publishedClaimBy(busy.id);
    for (let i = 0; i < 4; i++) await createSpeaker({ name: `Quiet Speaker ${i} ${run}` });
    const all = await prisma.speaker.findMany({ select: { slug: true } });
    const first = await listSpeakersPage(1, 3);
    expect(first).toMatchObject({ total: all.length, page: 1, pageCount: Math.ceil(all.length / 3) });
    const listed = [...first.speakers];
    for (let page = 2; page <= first.pageCount; page++) listed.push(...(await listSpeakersPage(page, 3)).speakers);
    expect(listed.map((s) => s.slug).sort(), "every speaker on exactly one page").toEqual(all.map((s) => s.slug).sort());
    for (let i = 1; i < listed.length; i++) expect(listed[i].claims, `${listed[i].slug} after ${listed[i - 1].slug}`).toBeLessThanOrEqual(listed[i - 1].claims);
    const mine = listed.find((s) => s.slug === busy.slug)!;
    expect(mine.claims).toBe(await prisma.claim.count({ where: { status: "published", speakerId: busy.id } }));
    expect(mine.claims).toBeGreaterThanOrEqual(2);
    const past = await listSpeakersPage(first.pageCount + 5, 3);
    expect(past.page).toBe(first.pageCount);
    expect(past.speakers.length).toBeGreaterThan(0);
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
