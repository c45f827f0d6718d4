/**
 * @module engine/language/terms
 * The judgmental and clinical wording the recovery-language helper points out, one row per term: the spellings
 * it catches, why the wording hurts, what to say instead and where that guidance comes from. Peer support is
 * non-clinical and recovery-oriented (SAPC guide, Background), and labels like "addict" or "clean" stigmatise
 * (NIDA, Words Matter). The patterns are compiled once, when the module loads: the helper runs on every keystroke.
 */
import type { ProblemSource } from '../../shared/problem.js';
import {
  aboutPersonOrTest,
  alcoholicPerson,
  memberRefusing,
  notProperName,
  resistantPerson,
} from './context.js';
import type { ContextRule } from './context.js';
import { RECOVERY_ORIENTED_SOURCE, WORDS_MATTER_SOURCE } from './sources.js';
import { JOIN, SUBSTANCES, wholeWord } from './vocabulary.js';

export const LANGUAGE_TERM_IDS = [
  'non_compliant',
  'refused',
  'uncooperative',
  'manipulative',
  'attention_seeking',
  'drug_seeking',
  'in_denial',
  'unmotivated',
  'resistant',
  'frequent_flyer',
  'suffers_from',
  'failed_treatment',
  'failed_test',
  'addict',
  'alcoholic',
  'junkie',
  'abuser',
  'substance_abuse',
  'drug_habit',
  'clean',
  'dirty',
] as const;
export type LanguageTermId = (typeof LANGUAGE_TERM_IDS)[number];

/** One term: what it catches and what the warning says about it. */
export interface LanguageTerm {
  readonly id: LanguageTermId;
  /** Regular-expression source of the spellings caught, matched case-insensitively as whole words. */
  readonly pattern: string;
  /** Why the wording hurts, completing "Consider rewording “…”: …". */
  readonly why: string;
  /** What to say instead, as a sentence. */
  readonly advice: string;
  readonly source: ProblemSource;
  /** When present, a match counts only where this holds (see engine/language/context). */
  readonly appliesWhen?: ContextRule;
}

/** Ways people write "test" after "failed": "failed a drug screen", "failed UA", "failed her urine test". */
const TESTS = String.raw`drug\s+(?:tests?|screens?)|u\.a\.?|uas?|uds|urine(?:\s+(?:tests?|screens?|samples?))?|urinalysis|tox(?:icology)?(?:\s+screens?)?|breathalyzers?|breath\s+tests?`;

/** The term table, in the order warnings are listed. */
export const LANGUAGE_TERMS: readonly LanguageTerm[] = [
  {
    id: 'non_compliant',
    pattern: String.raw`non${JOIN}complian(?:t|ce)|not\s+complian(?:t|ce)|non${JOIN}adheren(?:t|ce)`,
    why: 'it judges the member instead of saying what happened',
    advice:
      'Say what the member chose and why, e.g. “chose not to take the medication because of side effects” or “is weighing other options”.',
    source: RECOVERY_ORIENTED_SOURCE,
  },
  {
    id: 'refused',
    pattern: String.raw`refus(?:e|ed|es|ing|als?)`,
    why: 'it makes the member’s choice sound like defiance',
    advice: 'Say “declined”, “chose not to” or “decided to …”, with the member’s reason if they gave one.',
    source: RECOVERY_ORIENTED_SOURCE,
    appliesWhen: memberRefusing,
  },
  {
    id: 'uncooperative',
    pattern: String.raw`un${JOIN}cooperative|non${JOIN}cooperative`,
    why: 'it judges the member instead of saying what happened',
    advice:
      'Say what happened and what the member wanted instead, e.g. “preferred to talk about housing today”.',
    source: RECOVERY_ORIENTED_SOURCE,
  },
  {
    id: 'manipulative',
    pattern: String.raw`manipulative|manipulators?`,
    why: 'it assumes bad intent',
    advice:
      'Describe what the member did and the need behind it, e.g. “asked several times for a bus pass to get to work”.',
    source: RECOVERY_ORIENTED_SOURCE,
  },
  {
    id: 'attention_seeking',
    pattern: String.raw`attention${JOIN}seeking`,
    why: 'it dismisses a need for support',
    advice: 'Say what the member reached out for, e.g. “called three times this week to ask for support”.',
    source: RECOVERY_ORIENTED_SOURCE,
  },
  {
    id: 'drug_seeking',
    pattern: String.raw`(?:drug|med(?:ication)?s?|pill|narcotic|opioid)${JOIN}seeking`,
    why: 'it assumes bad intent',
    advice: 'Say what the member asked for and why, e.g. “asked for medication for back pain”.',
    source: RECOVERY_ORIENTED_SOURCE,
  },
  {
    id: 'in_denial',
    pattern: String.raw`in\s+(?:(?:complete|total|full|such)\s+)?denial`,
    why: 'it labels the member’s view as wrong',
    advice: 'Say “is not ready to talk about …”, “sees it differently” or “is unsure about making a change”.',
    source: RECOVERY_ORIENTED_SOURCE,
  },
  {
    id: 'unmotivated',
    pattern: String.raw`un${JOIN}motivated|not\s+motivated|poorly\s+motivated|(?:lacks?|lacking|lack\s+of|no)\s+motivation`,
    why: 'it blames the member',
    advice:
      'Say what matters to the member right now, e.g. “is focused on housing first” or “is not ready to set that goal yet”.',
    source: RECOVERY_ORIENTED_SOURCE,
  },
  {
    id: 'resistant',
    pattern: String.raw`resistant`,
    why: 'it makes the member sound like an obstacle',
    advice: 'Say “is not ready to …”, “has concerns about …” or “prefers a different approach”.',
    source: RECOVERY_ORIENTED_SOURCE,
    appliesWhen: resistantPerson,
  },
  {
    id: 'frequent_flyer',
    pattern: String.raw`frequent${JOIN}fl[iy]ers?`,
    why: 'it mocks a person who needs help often',
    advice:
      'Say how often and what the member needed, e.g. “went to the emergency room four times this month”.',
    source: RECOVERY_ORIENTED_SOURCE,
  },
  {
    id: 'suffers_from',
    pattern: String.raw`suffer(?:s|ed|ing)?\s+from|afflicted\s+(?:with|by)`,
    why: 'it casts the member as a victim of their condition',
    advice: 'Say “has”, “lives with” or “is in recovery from”.',
    source: RECOVERY_ORIENTED_SOURCE,
  },
  {
    id: 'failed_treatment',
    pattern: String.raw`failed\s+(?:(?:at|in|out\s+of)\s+)?(?:(?:the|a|his|her|their)\s+)?(?:treatment|rehab(?:ilitation)?|detox|recovery|program|sobriety|placement)|treatment\s+failures?`,
    why: 'it blames the member when a treatment did not work for them',
    advice:
      'Say “the treatment has not worked for them yet”, “left the program early” or “returned to use after treatment”.',
    source: RECOVERY_ORIENTED_SOURCE,
  },
  {
    id: 'failed_test',
    pattern: String.raw`failed\s+(?:(?:a|the|his|her|their|my|another)\s+)?(?:${TESTS})`,
    why: 'it makes a test result a personal failure',
    advice: 'Say “tested positive for …”.',
    source: WORDS_MATTER_SOURCE,
  },
  {
    id: 'addict',
    pattern: String.raw`addicts?`,
    why: 'it defines the person by their substance use',
    advice: 'Say “person with a substance use disorder”, “person who uses drugs” or “person in recovery”.',
    source: WORDS_MATTER_SOURCE,
  },
  {
    id: 'alcoholic',
    pattern: String.raw`alcoholics?`,
    why: 'it defines the person by their drinking',
    advice: 'Say “person with an alcohol use disorder” or “person in recovery”.',
    source: WORDS_MATTER_SOURCE,
    appliesWhen: alcoholicPerson,
  },
  {
    id: 'junkie',
    pattern: String.raw`junkies?|druggies?|crack${JOIN}heads?|meth${JOIN}heads?|pot${JOIN}heads?|dope${JOIN}heads?|dope${JOIN}fiends?|tweakers?`,
    why: 'it is a slur for people who use drugs',
    advice: 'Say “person who uses drugs” or “person with a substance use disorder”.',
    source: WORDS_MATTER_SOURCE,
  },
  {
    id: 'abuser',
    pattern: String.raw`(?:${SUBSTANCES})${JOIN}abusers?|abusers?\s+of\s+(?:${SUBSTANCES})`,
    why: 'it defines the person by their substance use and implies wrongdoing',
    advice: 'Say “person who uses drugs” or “person with a substance use disorder”.',
    source: WORDS_MATTER_SOURCE,
  },
  {
    id: 'substance_abuse',
    pattern: String.raw`(?:${SUBSTANCES})${JOIN}abuse`,
    why: 'it makes substance use sound like a moral failing',
    advice: 'Say “substance use”, “misuse” or “substance use disorder”.',
    source: WORDS_MATTER_SOURCE,
    appliesWhen: notProperName,
  },
  {
    id: 'drug_habit',
    pattern: String.raw`(?:${SUBSTANCES})${JOIN}habits?`,
    why: 'it makes a health condition sound like a choice',
    advice: 'Say “substance use disorder” or “drug use”.',
    source: WORDS_MATTER_SOURCE,
  },
  {
    id: 'clean',
    pattern: String.raw`clean`,
    why: 'said of a person or a test, it implies that using drugs makes someone dirty',
    advice: 'Say “tested negative” for a test, or “in recovery” or “not using” for the member.',
    source: WORDS_MATTER_SOURCE,
    appliesWhen: aboutPersonOrTest,
  },
  {
    id: 'dirty',
    pattern: String.raw`dirty`,
    why: 'said of a person or a test, it ties substance use to filth',
    advice: 'Say “tested positive for …” for a test, or “is using” or “returned to use” for the member.',
    source: WORDS_MATTER_SOURCE,
    appliesWhen: aboutPersonOrTest,
  },
];

/** A term with its pattern compiled: global (every occurrence), case-insensitive, Unicode-aware. */
export interface CompiledTerm extends LanguageTerm {
  readonly regex: RegExp;
}

/** Compiled once: `matchAll` copies a global regex, so sharing these between calls keeps them stateless. */
export const COMPILED_TERMS: readonly CompiledTerm[] = LANGUAGE_TERMS.map((term) => ({
  ...term,
  regex: new RegExp(wholeWord(term.pattern), 'giu'),
}));

/** The stable problem code of a term's warning, e.g. `language.judgmental.addict`. */
export function languageProblemCode(id: LanguageTermId): string {
  return `language.judgmental.${id}`;
}
