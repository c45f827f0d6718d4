/**
 * @module engine/language/sources
 * The guidance behind the recovery-language helper, attached to the warnings it raises. Quotes are verbatim:
 * the PIN questions and the recovery-oriented scope come from the Los Angeles County SAPC Peer Support Services
 * Guide (seed 004); the stigma guidance for substance-use wording comes from NIDA's "Words Matter" page for
 * health professionals.
 */
import type { ProblemSource } from '../../shared/problem.js';

/** The LA County SAPC guide, which also defines the PIN note format. */
const SAPC_GUIDE = '004_5683a26e336a0ac2.txt';
const PIN_SECTION = 'Documentation Examples — Quick Tip!';

/** Peer support is non-clinical and recovery-oriented, so clinical and judgmental labels do not belong in it. */
export const RECOVERY_ORIENTED_SOURCE: ProblemSource = {
  document: SAPC_GUIDE,
  section: 'Background',
  quote:
    'Certified Medi-Cal Peer Support Specialists provide non-clinical, recovery-oriented, culturally appropriate services.',
};

/** Labels for people who use substances, and "clean"/"dirty" for them or their tests, stigmatise. */
export const WORDS_MATTER_SOURCE: ProblemSource = {
  document:
    'https://nida.nih.gov/nidamed-medical-health-professionals/health-professions-education/words-matter-terms-to-use-avoid-when-talking-about-addiction',
  section: 'Stigma and Addiction',
  quote:
    'Stigmatizing language can negatively influence health care provider perceptions of people with SUD, which can impact the care they provide.',
};

/** The guide's question for each PIN part. */
export const PIN_SOURCES = {
  plan: { document: SAPC_GUIDE, section: PIN_SECTION, quote: 'Why do they need the support?' },
  interaction: {
    document: SAPC_GUIDE,
    section: PIN_SECTION,
    quote: 'What happened when you were with the member?',
  },
  nextSteps: {
    document: SAPC_GUIDE,
    section: PIN_SECTION,
    quote: 'What are the next steps? For you and for the member.',
  },
} as const satisfies Record<string, ProblemSource>;
