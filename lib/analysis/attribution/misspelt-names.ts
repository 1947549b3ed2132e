// A speaker's name with one word misspelt ("George Klutz" for George Kurtz): the registry entry
// it stands for, found through an index of each name's words with one slot blanked.

import type { SpeakerEntry, SpeakerRegistry } from "../speakers";
import { misspeltWords, normalizeName } from "../text";

/** The registry entry whose name or alias is `phrase` with one word misspelt (see misspeltWords), or null. */
export function misspeltEntry(registry: SpeakerRegistry, phrase: string): SpeakerEntry | null {
  const words = normalizeName(phrase).split(" ");
  if (words.length < 2) return null;
  const index = misspellingIndex(registry);
  for (let i = 0; i < words.length; i++) {
    for (const [other, e] of index.get(slotKey(words, i)) ?? []) if (misspeltWords(words, other)) return e;
  }
  return null;
}

// Per registry: names keyed by their words with one slot blanked (and that slot's first letter),
// rebuilt when the registry grows, so a look-up costs a few map reads, not a scan.
const MISSPELLING_INDEX = new WeakMap<SpeakerRegistry, { size: number; map: Map<string, [string[], SpeakerEntry][]> }>();
function slotKey(words: readonly string[], i: number): string {
  return `${words.slice(0, i).join(" ")}|${words[i][0]}|${words.slice(i + 1).join(" ")}`;
}
function misspellingIndex(registry: SpeakerRegistry): Map<string, [string[], SpeakerEntry][]> {
  const entries = registry.entries();
  const cached = MISSPELLING_INDEX.get(registry);
  if (cached && cached.size === entries.length) return cached.map;
  const map = new Map<string, [string[], SpeakerEntry][]>();
  for (const e of entries) {
    if (e.kind === "document") continue;
    for (const name of [e.name, ...e.aliases]) {
      const w = normalizeName(name).split(" ");
      if (w.length < 2) continue;
      for (let i = 0; i < w.length; i++) {
        if (w[i].length < 5) continue;
        const k = slotKey(w, i);
        const list = map.get(k) ?? [];
        list.push([w, e]);
        map.set(k, list);
      }
    }
  }
  MISSPELLING_INDEX.set(registry, { size: entries.length, map });
  return map;
}
