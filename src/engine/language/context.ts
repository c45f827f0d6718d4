/**
 * @module engine/language/context
 * The context rules that keep the recovery-language helper quiet where a word is innocent: "clean clothes",
 * "was refused entry", "non-alcoholic drinks", "treatment-resistant depression", "Substance Abuse Prevention and
 * Control". Each rule looks only at the words just before and after a match, within its sentence, so it stays
 * cheap enough to run on every keystroke. A warning that should have fired but did not costs less than one that
 * nags about housework, so the rules for "clean" and "dirty" fire only on clear signs of a test or of a person's
 * substance use.
 */
import { JOIN, SUBSTANCES, wholeWord } from './vocabulary.js';

/** Where a candidate match sits in its text. */
export interface MatchSite {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Decides whether a candidate match is really the judgmental use of the word. */
export type ContextRule = (site: MatchSite) => boolean;

/** How far either side of a match the rules look, in characters. */
const REACH = 80;

/**
 * The start of a new sentence: a period before a capital or digit (so "U.A. was" stays one sentence), any
 * other end mark, a semicolon or a line break.
 */
const SENTENCE_PREFIX = /^[^]*(?:\.\s+(?=[\p{Lu}\d])|[!?;]\s|\n)/u;
const SENTENCE_END = /\.\s+(?=[\p{Lu}\d])|\.$|[!?;](?:\s|$)|\n/u;

/** The words of the match's sentence before it and after it, each at most {@link REACH} characters. */
export function sentenceAround(site: MatchSite): { before: string; after: string } {
  const before = site.text.slice(Math.max(0, site.start - REACH), site.start).replace(SENTENCE_PREFIX, '');
  const rest = site.text.slice(site.end, site.end + REACH);
  const stop = SENTENCE_END.exec(rest);
  return { before, after: stop === null ? rest : rest.slice(0, stop.index) };
}

/** Text in double quotes, curly or straight: an unclosed quote runs to the end of its line (the peer is typing). */
const QUOTED = /["“][^"”\n]*["”]?/g;

/** The [start, end) ranges of quoted text; a member's own words, quoted, are theirs to choose. */
export function quotedRanges(text: string): Array<readonly [number, number]> {
  return [...text.matchAll(QUOTED)].map((match) => [match.index, match.index + match[0].length] as const);
}

// "clean" and "dirty" -------------------------------------------------------------------------------------------

const ADVERBS = String.raw`(?:(?:still|now|currently|finally|completely|totally|fully|mostly|recently|reportedly|not|always|never|again|pretty|really|almost|nearly)\s+){0,2}`;
const TIME_UNITS = String.raw`(?:days?|weeks?|months?|years?|yrs?|mos?|wks?)`;
const COUNTS = String.raw`(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|(?:a\s+)?few|a\s+couple(?:\s+of)?|\w+teen|twenty|thirty)`;
/** Things that are cleaned: a match right beside one is about housework or hygiene, not a person or a test. */
const OBJECTS = String.raw`clothes|clothing|laundry|outfits?|shirts?|pants|socks|sheets|towels|linens|bed(?:ding)?|bedroom|rooms?|apartment|house|home|kitchen|bathroom|floors?|dishes|car|space|place|unit|yard|area|water|air|needles?|syringes?|supplies|equipment|slate|record|hands|face|hair|teeth|diapers?|counters?|fridge|refrigerator|environment`;
/** Words that, right before "clean"/"dirty", describe a person or a test. */
const SUBJECTS = String.raw`i|he|she|they|we|you|member|client|participant|consumer|patient|person|individual|mbr|pt|son|daughter|husband|wife|partner|mother|father|mom|dad|brother|sister`;
const BE = String.raw`(?:['’](?:s|re|m)|\s+(?:is|was|are|were|am|has\s+been|have\s+been|had\s+been|remains?|remained|stays?|stayed|will\s+be|would\s+be|isn['’]t|wasn['’]t))`;

/** Signs after the word that settle it: a span of time, a substance, "clean time", "clean and sober". */
const STRONG_AFTER = new RegExp(
  String.raw`^\s+(?:for\s+(?:(?:about|almost|nearly|over|more\s+than|at\s+least|the\s+(?:past|last))\s+)?${COUNTS}\s*\+?\s*${TIME_UNITS}(?![\p{L}])|since\s+\S|(?:from|off|of|for|with)\s+${wholeWord(SUBSTANCES)})|^\s*(?:time|date)(?![\p{L}])|^\s*(?:and|&)\s*sober(?![\p{L}])`,
  'iu',
);
/** An object right after ("clean clothes"), "clean-up", "clean-shaven" or hygiene words ("clean and neat"). */
const VETO_AFTER = new RegExp(
  String.raw`^[\s\-‐‑–]+(?:${OBJECTS}|up|out|shaven|shaved|cut)(?![\p{L}])|^\s*(?:,|and|&)\s*(?:neat|tidy|well|groomed|dressed|appropriately|casually|shaven|kempt|unkempt|disheveled|dishevelled|organi[sz]ed|fresh|smelly)(?![\p{L}])`,
  'iu',
);
/** An object or "it/things" right before ("her room was clean", "wiped it clean", "nice and clean"). */
const OBJECT_BEFORE = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:${OBJECTS})(?:\s+(?:is|was|are|were|looks?|looked|seems?|seemed|stays?|stayed|remains?|remained|has\s+been|had\s+been|have\s+been|got|kept|felt|feels))?\s+${ADVERBS}|(?:it|them|things|everything)\s+|(?:nice|neat|tidy|spotless)\s*(?:and|&)\s*)$`,
  'iu',
);
/** "keep/make … clean", a few words apart: housework, unless a stronger sign came first. */
const KEEP_BEFORE = /(?<![\p{L}])(?:keep|keeps|kept|keeping|make|makes|made|making)\s+(?:\S+\s+){1,3}$/iu;
/** Signs just before that settle it: "got clean", "stayed clean", "came back dirty", "sober and clean". */
const STRONG_BEFORE = new RegExp(
  String.raw`(?<![\p{L}])(?:got|get|gets|getting|stay|stays|stayed|staying|came\s+back|comes?\s+back|coming\s+back|tested|tests?|testing|sober\s*(?:and|&))\s+${ADVERBS}$`,
  'iu',
);
/** A drug test anywhere in the sentence ("clean UA", "the urine screen came back dirty"). */
const TEST_WORDS = new RegExp(
  wholeWord(
    String.raw`drug\s+(?:tests?|screens?)|tox(?:icology)?|urine|urinalysis|u\.a\.?|uas?|uds|udt|tests?|tested|testing|screens?|screened|specimens?|samples?|breathalyzers?|swabs?`,
  ),
  'iu',
);
/** A person as the subject ("she is clean", "member has been dirty"), or "been/remained clean". */
const PERSON_BEFORE = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:${SUBJECTS})${BE}|been|remain|remains|remained|remaining)\s+${ADVERBS}$`,
  'iu',
);

/**
 * "clean" / "dirty" said of a person or a drug test. In order: a sign after that settles it (a span of time, a
 * substance, "clean and sober"); anything cleaned right beside it ("clean clothes", "her room is clean"); a sign
 * before that settles it ("got clean", "came back dirty"); "keep … clean"; a test in the sentence or a person as
 * the subject.
 */
export const aboutPersonOrTest: ContextRule = (site) => {
  const { before, after } = sentenceAround(site);
  if (STRONG_AFTER.test(after)) return true;
  if (VETO_AFTER.test(after) || OBJECT_BEFORE.test(before)) return false;
  if (STRONG_BEFORE.test(before)) return true;
  if (KEEP_BEFORE.test(before)) return false;
  return TEST_WORDS.test(before) || TEST_WORDS.test(after) || PERSON_BEFORE.test(before);
};

// Other terms ---------------------------------------------------------------------------------------------------

const PASSIVE_BEFORE = /(?<![\p{L}])(?:is|was|were|are|be|been|being|got|get|gets)\s+(?:\p{L}+ly\s+)?$/iu;
const BY_AFTER = /^\s+by(?![\p{L}])/iu;

/**
 * "refused" by the member, not "was refused entry" or "refused by the shelter", where someone else did the
 * refusing and the word says nothing about the member.
 */
export const memberRefusing: ContextRule = (site) => {
  const word = site.text.slice(site.start, site.end).toLowerCase();
  if (word !== 'refused') return true;
  const { before, after } = sentenceAround(site);
  return !PASSIVE_BEFORE.test(before) && !BY_AFTER.test(after);
};

const NON_BEFORE = new RegExp(String.raw`(?<![\p{L}])non${JOIN}$`, 'iu');
const CHILDREN_OF_BEFORE = /(?<![\p{L}])children\s+of\s+$/iu;
const NOT_A_PERSON_AFTER =
  /^\s+(?:beverages?|drinks?|drinking|content|anonymous|hepatitis|liver|cirrhosis|cardiomyopathy|ketoacidosis|neuropathy|pancreatitis|dementia|fatty)(?![\p{L}])/iu;

/** "alcoholic" as a label for a person, not a drink ("non-alcoholic beer"), a diagnosis or a fellowship's name. */
export const alcoholicPerson: ContextRule = (site) => {
  const { before, after } = sentenceAround(site);
  return !NON_BEFORE.test(before) && !CHILDREN_OF_BEFORE.test(before) && !NOT_A_PERSON_AFTER.test(after);
};

const COMPOUND_BEFORE = /\p{L}[-‐‑–]$/u;
const CONDITION_AFTER =
  /^\s+(?:depression|schizophrenia|hypertension|epilepsy|infections?|bacteria|strains?|tb|tuberculosis|mrsa)(?![\p{L}])/iu;

/** "resistant" said of the member, not a condition ("treatment-resistant depression") or a thing ("water-resistant"). */
export const resistantPerson: ContextRule = (site) => {
  const { before, after } = sentenceAround(site);
  return !COMPOUND_BEFORE.test(before) && !CONDITION_AFTER.test(after);
};

const TITLE_CASE = /^\p{Lu}\p{Ll}*(?:[\s\-‐‑–]+\p{Lu}\p{Ll}*)*$/u;

/**
 * Lower-case use, not a proper name in title case: agencies and programs keep their names ("Substance Abuse
 * Prevention and Control", "Substance Abuse and Mental Health Services Administration").
 */
export const notProperName: ContextRule = (site) => !TITLE_CASE.test(site.text.slice(site.start, site.end));
