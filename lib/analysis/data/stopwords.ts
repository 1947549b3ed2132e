// Function words: ignored when comparing the content of two quotes, and used
// to tell names from the words around them.
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a an the and or but nor so yet for of to in on at by with from into onto upon about as " +
    "than then that this these those there here which who whom whose what when where why how " +
    "it its it's is are was were be been being am do does did done has have had having will " +
    "would shall should can could may might must not no nor only also too very just even still " +
    "such some any all both each every other another more most many much few several own same " +
    "he him his she her hers they them their theirs we us our ours i me my mine you your yours " +
    "if because while although though since until unless whether after before during over under " +
    "between among against through without within across around up down out off again further " +
    "once s t said says say"
  ).split(" "),
);

/** Words that open a clause or sentence and so can never be part of a speaker's name. */
export const CLAUSE_WORDS: ReadonlySet<string> = new Set(
  (
    "after although though while despite if as when whereas because since but and or yet so " +
    "however meanwhile moreover additionally importantly ironically instead also still thus " +
    "therefore indeed nevertheless nonetheless furthermore besides then now later earlier " +
    "that which who whom whose where what why how in on at by for with from to of into " +
    "during before until unless whether once here there this these those it its is was are were " +
    "has have had be been not no yes even only just without within against among between through across " +
    "under over about toward towards upon via per including despite amid beyond"
  ).split(" "),
);

/** Determiners and quantifiers: a word right after one is a noun, not a verb. */
export const DETERMINERS: ReadonlySet<string> = new Set(
  (
    "the a an this that these those its their his her our my your various some many several " +
    "such other all both no any few multiple numerous earlier previous new latest recent " +
    "annual unconfirmed media press news"
  ).split(" "),
);
