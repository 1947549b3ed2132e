// Hedging words around a quote tell readers how firmly the outlet stands
// behind it ("still seen as", "allegedly", "claimed"). Multi-word entries are
// matched as whole phrases; single words as whole words, case-insensitive.
export const HEDGES: readonly string[] = [
  "alleged", "allegedly", "allege", "alleges",
  "reportedly", "reported",
  "claimed", "claims", "claim", "claiming",
  "purported", "purportedly",
  "supposedly", "so-called",
  "seen as", "viewed as", "regarded as", "perceived as", "considered",
  "believed", "widely believed", "thought to", "said to be",
  "apparently", "appears", "appeared", "seemingly", "seems",
  "may", "might", "could", "possibly", "perhaps", "likely", "unlikely",
  "unconfirmed", "unverified", "uncorroborated",
  "still", "insisted", "insists", "maintains", "maintained",
  "suggests", "suggested", "reported to", "rumored", "rumoured",
  "according to", "denied", "denies", "disputed",
];
