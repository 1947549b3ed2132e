/**
 * History by names (issue 11, "Editor screens for people"): the history lists an
 * editor reads — an article's, a quote's, a tag's, the dashboard's recent
 * activity — name the people who made each change and the things changed (a
 * quote's words, a speaker's name, a claim's wording, a tag's name), never a
 * raw id; deleted things say "(deleted)".
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getArticleHistory, getQuoteHistory, getRecentActivity, getTagHistory, type HistoryEvent } from "@/lib/audit";
import { migrateDatabase, prisma } from "@/lib/db";
import { updateQuote } from "@/lib/quotes";
import { editSpeaker } from "@/lib/speakers";
import { createTag, deleteTag, setTag } from "@/lib/tags";
import { createArticle, createClaim, createQuote, createSpeaker, createUser } from "../support/factories";

// cuid (Prisma's default id) and better-auth's uuid ids.
const RAW_ID = /\bc[a-z0-9]{20,30}\b|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/;
/** What a history list shows of events: everything but the event's and the record's own ids (used for keys and links). */
const shown = (events: HistoryEvent[]) => JSON.stringify(events.map((e) => ({ action: e.action, actorName: e.actorName, subject: e.subject, before: e.before, after: e.after })));

let editor: { id: string; name: string };

beforeAll(async () => {
  await migrateDatabase();
  const user = await createUser();
  editor = { id: user.id, name: user.name };
});

describe(`history by names (${process.env.TEST_DB})`, () => {
  it("an article's history names the editor, the quote changed, its old and new speaker and claim, and a deleted tag's claims", async () => {
    const run = Date.now().toString(36);
    const ministry = await createSpeaker({ name: `Water Ministry ${run}` });
    const minister = await createSpeaker({ name: `Jane Roe ${run}`, kind: "person" });
    const claim = await createClaim({ canonical: `Reservoirs will be full by spring ${run}` });
    const article = await createArticle({ title: `Reservoir story ${run}`, body: `Reservoirs\n\nThe ministry said “reservoirs will be full by spring,” on Monday.` });
    const quote = await createQuote(article.id, "reservoirs will be full by spring,", { speakerId: ministry.id });

    await updateQuote(editor.id, { id: quote.id, version: quote.version, start: quote.start, end: quote.end, speakerId: minister.id, claimId: claim.id, reviewStatus: "confirmed" });
    const { id: tagId } = await createTag(editor.id, { name: `Drought ${run}`, colour: "#1d4ed8", kind: "topic" });
    await setTag(editor.id, { tagId, target: "claim", targetId: claim.id, attached: true });
    await editSpeaker(editor.id, { id: minister.id, version: minister.version, name: `Jane Roe ${run}`, kind: "person", title: "Water Minister", aliases: "", acronyms: "", country: "" });
    const tagHistoryBefore = await getTagHistory(tagId);
    await deleteTag(editor.id, { id: tagId, version: 1 });

    const history = await getArticleHistory(article.id);
    const edit = history.find((e) => e.entityType === "quote" && e.action === "update");
    expect(edit, JSON.stringify(history.map((e) => e.action))).toBeDefined();
    expect(edit).toMatchObject({
      actorName: editor.name,
      subject: "“reservoirs will be full by spring,”",
      before: expect.objectContaining({ speaker: `Water Ministry ${run}`, claim: null, reviewStatus: "suggested" }),
      // The speaker as it is now, with the title an editor gave it since.
      after: expect.objectContaining({ speaker: `Jane Roe ${run} (Water Minister)`, claim: `Reservoirs will be full by spring ${run}`, reviewStatus: "confirmed" }),
    });
    expect(shown(history)).not.toMatch(RAW_ID);
    expect(shown(await getQuoteHistory(quote.id))).not.toMatch(RAW_ID);

    // The deleted tag's event lists the claims that carried it by their wording.
    const deleted = (await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "tag", entityId: tagId, action: "delete" }, select: { before: true } })).before as { claims: string[] };
    expect(deleted.claims).toEqual([claim.id]);
    const [deleteEvent] = await getTagHistory(tagId);
    expect(deleteEvent).toMatchObject({ action: "delete", subject: `Drought ${run}`, before: expect.objectContaining({ claims: [`Reservoirs will be full by spring ${run}`] }) });
    expect(tagHistoryBefore.length + 1).toBe((await getTagHistory(tagId)).length);

    // The dashboard's recent activity: who, what kind of thing, and its name.
    const recent = await getRecentActivity(10);
    expect(recent.slice(0, 2)).toEqual([
      expect.objectContaining({ actorName: editor.name, entityType: "tag", action: "delete", subject: `Drought ${run}` }),
      expect.objectContaining({ actorName: editor.name, entityType: "speaker", action: "edit", subject: `Jane Roe ${run} (Water Minister)` }),
    ]);
    expect(shown(recent)).not.toMatch(RAW_ID);
  });

  it("a deleted speaker or claim is named as deleted, not by its id", async () => {
    const gone = await createSpeaker({ name: "Soon gone" });
    const article = await createArticle({ body: `Gone\n\nThe board said “we will be back,” then left.` });
    const quote = await createQuote(article.id, "we will be back,", { speakerId: gone.id });
    await updateQuote(editor.id, { id: quote.id, version: quote.version, start: quote.start, end: quote.end, speakerId: null, claimId: null, reviewStatus: "confirmed" });
    await prisma.speaker.delete({ where: { id: gone.id } });
    const [event] = await getQuoteHistory(quote.id);
    expect(event.before).toMatchObject({ speaker: "(deleted)" });
    expect(event.after).toMatchObject({ speaker: null });
    expect(shown([event])).not.toMatch(RAW_ID);
  });
});
