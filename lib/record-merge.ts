import "server-only";
import { recordAudit } from "./audit";
import type { Tx } from "./db";
import { ConflictError, NotFoundError } from "./errors";
import { moveAddresses } from "./record-addresses";
import { deleteVersioned } from "./versioned-write";

/**
 * The steps every merge of a duplicate speaker or outlet into the record kept
 * shares (lib/speakers.ts mergeSpeakers, lib/outlets.ts mergeOutlets): the pair
 * is checked before anything moves, and once the caller has moved what is the
 * duplicate's, its addresses lead to the kept record, both histories record the
 * merge, and the duplicate is deleted with a version check.
 */

type MergeKind = "speaker" | "outlet";

interface Merged {
  id: string;
  slug: string;
  name: string;
  version: number;
}

/**
 * Loads the duplicate (`sourceId`) and the record kept (`targetId`) with `load`, in
 * the merge's transaction, and checks the duplicate is as the editor saw it.
 * @throws NotFoundError for either, ConflictError when the duplicate is no longer at `sourceVersion`.
 */
export async function loadMergePair<R extends Merged>(
  kind: MergeKind,
  input: { sourceId: string; sourceVersion: number; targetId: string },
  load: (id: string) => Promise<R | null>,
): Promise<{ source: R; target: R }> {
  const [source, target] = await Promise.all([load(input.sourceId), load(input.targetId)]);
  if (!source) throw new NotFoundError(kind);
  if (!target) throw new NotFoundError(`${kind} to keep`);
  if (source.version !== input.sourceVersion) throw new ConflictError();
  return { source, target };
}

/**
 * Ends a merge the caller has moved everything for: `source`'s address and its
 * former ones lead to `target`'s (308, lib/record-addresses.ts), the kept record's
 * history gets "merge" (`before`, and `after` with the duplicate's id and name),
 * the duplicate's gets "merged_into", and the duplicate is deleted.
 * @throws ConflictError when the duplicate changed since `sourceVersion`.
 */
export async function finishMerge(
  tx: Tx,
  kind: MergeKind,
  actorId: string,
  pair: { source: Merged; target: Merged; sourceVersion: number },
  audit: { before: object; after: object },
): Promise<void> {
  const { source, target } = pair;
  await moveAddresses(tx, kind, source, target.id);
  await recordAudit(tx, { actorId, entityType: kind, entityId: target.id, action: "merge", before: audit.before, after: { absorbedId: source.id, absorbedName: source.name, ...audit.after } });
  await deleteVersioned(tx, kind, {
    where: { id: source.id },
    version: pair.sourceVersion,
    audit: { actorId, entityType: kind, entityId: source.id, action: "merged_into", before: source, after: { targetId: target.id, targetName: target.name } },
  });
}
