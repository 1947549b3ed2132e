import { prepareWording } from "./analysis/claim-text";

/**
 * Is a new quote a repeat of a claim, said in other words? For alerts, which
 * an editor reviews, so it reaches further than claim grouping's links
 * (lib/analysis/claims.ts links rewordings only when most words are shared):
 * it compares CONTENT STEMS (stop words dropped, words stemmed, so "regionally
 * focused" meets "focused on the region"), by the overlap coefficient
 * |A∩B| / min(|A|,|B|) (Szymkiewicz–Simpson), which does not punish a repeat
 * for being shorter or longer than the claim. Pure.
 */

/** Shared content stems a repeat needs at least: fewer is a topic, not a claim. */
export const MIN_SHARED = 4;
/** Share of the shorter wording's content stems the other must hold. */
export const MIN_OVERLAP = 0.75;

export interface RepeatMatch {
  /** 0..1: the mean of the overlap coefficient and the share of the longer wording's stems. */
  score: number;
  reason: string;
  shared: string[];
}

export function matchRepeat(claimWording: string, quote: string): RepeatMatch | null {
  const a = prepareWording(claimWording).content;
  const b = prepareWording(quote).content;
  if (!a.size || !b.size) return null;
  const shared = [...b].filter((s) => a.has(s));
  const overlap = shared.length / Math.min(a.size, b.size);
  if (shared.length < MIN_SHARED || overlap < MIN_OVERLAP) return null;
  const score = Math.round(((overlap + shared.length / Math.max(a.size, b.size)) / 2) * 1000) / 1000;
  return { score, reason: `reworded: ${shared.length} of its ${b.size} content words are the claim's`, shared };
}
