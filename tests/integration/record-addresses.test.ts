import { beforeAll, describe, expect, it } from "vitest";
import { currentSlug } from "@/lib/record-addresses";
import { createClaim, editClaim, mergeClaims } from "@/lib/claim-edits";
import { migrateDatabase, prisma } from "@/lib/db";
import { ActionError, ConflictError } from "@/lib/errors";
import { SITEMAP_MAX_URLS, sitemapRoot } from "@/lib/sitemap";
import { createUser } from "../support/factories";

// Former addresses (lib/record-addresses.ts): renamed and merged claims, speakers and outlets keep their old links.
let actorId: string;

beforeAll(async () => {
  await migrateDatabase();
  actorId = (await createUser()).id;
});

async function publishedClaim(canonical: string) {
  const { id } = await createClaim(actorId, { canonical, speakerId: null });
  // Published as a fixture: the workflow's own rules (rating, confirmed quote) are tested elsewhere.
  return prisma.claim.update({ where: { id }, data: { status: "published", publishedAt: new Date() }, select: { id: true, slug: true, version: true, canonical: true } });
}

const edit = (c: { id: string; version: number; canonical: string }, slug: string) =>
  editClaim(actorId, { id: c.id, version: c.version, canonical: c.canonical, summary: null, speakerId: null, sourceDocumentId: null, rebutsId: null, slug });

async function sitemapText(): Promise<string> {
  let out = "";
  for await (const chunk of sitemapRoot(SITEMAP_MAX_URLS, "https://claims.example")) out += chunk;
  return out;
}

describe(`claim addresses (${process.env.TEST_DB})`, () => {
  it("a renamed claim's old slug leads to its current one, through a chain of renames and merges; the sitemap lists current slugs only", async () => {
    const a = await publishedClaim("The harbour will reopen in May.");
    const oldA = a.slug;
    await edit(a, "harbour-reopens-in-may");
    expect(await currentSlug("claim", oldA)).toBe("harbour-reopens-in-may");
    expect(await currentSlug("claim", "harbour-reopens-in-may")).toBeNull(); // current, not a former address

    const b = await publishedClaim("The harbour reopens in the spring.");
    const survivor = await prisma.claim.findUniqueOrThrow({ where: { id: b.id } });
    await mergeClaims(actorId, { survivorId: b.id, survivorVersion: survivor.version, absorbedId: a.id });
    // Both of the absorbed claim's addresses now lead to the survivor.
    expect(await currentSlug("claim", oldA)).toBe(b.slug);
    expect(await currentSlug("claim", "harbour-reopens-in-may")).toBe(b.slug);

    const bNow = await prisma.claim.findUniqueOrThrow({ where: { id: b.id } });
    await edit(bNow, "harbour-spring-reopening");
    for (const old of [oldA, "harbour-reopens-in-may", b.slug]) expect(await currentSlug("claim", old), old).toBe("harbour-spring-reopening");

    const sitemap = await sitemapText();
    expect(sitemap).toContain("/claims/harbour-spring-reopening<");
    for (const old of [oldA, "harbour-reopens-in-may", b.slug]) expect(sitemap).not.toContain(`/claims/${old}<`);

    // Renamed back to a former address: that one is current again.
    const bLatest = await prisma.claim.findUniqueOrThrow({ where: { id: b.id } });
    await edit(bLatest, b.slug);
    expect(await currentSlug("claim", b.slug)).toBeNull();
    expect(await currentSlug("claim", "harbour-spring-reopening")).toBe(b.slug);
  });

  it("an old address of an unpublished claim leads nowhere", async () => {
    const { id } = await createClaim(actorId, { canonical: "The ferry timetable changes in June.", speakerId: null });
    const c = await prisma.claim.findUniqueOrThrow({ where: { id } });
    await edit(c, "ferry-timetable-june");
    expect(await currentSlug("claim", c.slug)).toBeNull();
  });

  it("refuses an address another claim has or had, or a malformed one, and changes nothing", async () => {
    const x = await publishedClaim("The tram line extends to the airport.");
    const y = await publishedClaim("The tram fare rises in July.");
    await edit(x, "tram-airport-extension");
    const yNow = await prisma.claim.findUniqueOrThrow({ where: { id: y.id } });
    const refused = async (slug: string) => {
      const error = await edit(yNow, slug).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ActionError);
      expect(error).not.toBeInstanceOf(ConflictError);
      expect(await prisma.claim.findUniqueOrThrow({ where: { id: y.id } })).toEqual(yNow);
    };
    await refused(x.slug); // x's former address
    await refused("tram-airport-extension"); // x's current address
    await expect(edit(yNow, "Not a slug!")).rejects.toThrow();
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: y.id } })).toEqual(yNow);
    expect(await prisma.oldSlug.count({ where: { kind: "claim", recordId: y.id } })).toBe(0);
  });

  it("a new claim never takes a former address", async () => {
    const z = await publishedClaim("The museum opens late on Fridays.");
    await edit(z, "museum-late-fridays");
    const { id } = await createClaim(actorId, { canonical: "The museum opens late on Fridays.", speakerId: null });
    const fresh = await prisma.claim.findUniqueOrThrow({ where: { id }, select: { slug: true } });
    expect(fresh.slug).not.toBe(z.slug);
    expect(await currentSlug("claim", z.slug)).toBe("museum-late-fridays");
  });
});
