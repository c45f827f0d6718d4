import { describe, expect, it } from 'vitest';
import { findRecoveryLanguage } from './find.js';
import { LANGUAGE_TERM_IDS, LANGUAGE_TERMS, languageProblemCode } from './terms.js';
import type { LanguageTermId } from './terms.js';

/** The terms found in a text, as `term:text as written`. */
function found(text: string): string[] {
  return findRecoveryLanguage(text).map((match) => `${match.term}:${match.text}`);
}

describe('the term table', () => {
  it('has exactly one row per term id, in the order of the ids', () => {
    expect(LANGUAGE_TERMS.map((term) => term.id)).toEqual([...LANGUAGE_TERM_IDS]);
  });

  it.each(LANGUAGE_TERMS.map((term) => [term.id, term] as const))(
    '%s says why, suggests wording and names its source',
    (_id, term) => {
      expect(term.why).toMatch(/^[a-z]/); // it completes "Consider rewording “…”: …"
      expect(term.advice).toMatch(/^[A-Z].*[.”]$/);
      expect(term.advice).toMatch(/“.+”/); // an alternative to write, in quotes
      expect(term.source.document).not.toBe('');
    },
  );

  it('gives each term a dotted code under language.judgmental', () => {
    expect(languageProblemCode('addict')).toBe('language.judgmental.addict');
    expect(new Set(LANGUAGE_TERM_IDS.map(languageProblemCode)).size).toBe(LANGUAGE_TERM_IDS.length);
  });
});

/**
 * [term, sentence, what is caught as written]. Each term with its spellings: hyphen, space and run-together
 * compounds, upper and mixed case, inflections.
 */
const FIRES: ReadonlyArray<readonly [LanguageTermId, string, string]> = [
  ['non_compliant', 'Member was non-compliant with meds.', 'non-compliant'],
  ['non_compliant', 'Member was noncompliant.', 'noncompliant'],
  ['non_compliant', 'Member was non compliant.', 'non compliant'],
  ['non_compliant', 'NON–COMPLIANT with the plan', 'NON–COMPLIANT'], // en dash, capitals
  ['non_compliant', 'history of noncompliance', 'noncompliance'],
  ['non_compliant', 'He is not compliant with groups.', 'not compliant'],
  ['non_compliant', 'non-adherent to the schedule', 'non-adherent'],
  ['refused', 'Member refused to attend group.', 'refused'],
  ['refused', 'Refused the referral.', 'Refused'],
  ['refused', 'She refuses to call.', 'refuses'],
  ['refused', 'He keeps refusing services.', 'refusing'],
  ['refused', 'Treatment refusal noted.', 'refusal'],
  ['refused', 'They refuse to go.', 'refuse'],
  ['uncooperative', 'Member was uncooperative.', 'uncooperative'],
  ['uncooperative', 'Member was un-cooperative.', 'un-cooperative'],
  ['uncooperative', 'Member was non-cooperative.', 'non-cooperative'],
  ['manipulative', 'Member was manipulative.', 'manipulative'],
  ['manipulative', 'Staff called him a manipulator.', 'manipulator'],
  ['attention_seeking', 'attention-seeking behavior', 'attention-seeking'],
  ['attention_seeking', 'attention seeking behaviour', 'attention seeking'],
  ['drug_seeking', 'drug-seeking behavior at the ER', 'drug-seeking'],
  ['drug_seeking', 'Drug seeking.', 'Drug seeking'],
  ['drug_seeking', 'appeared med seeking', 'med seeking'],
  ['in_denial', 'Member is in denial about his use.', 'in denial'],
  ['in_denial', 'She is in complete denial.', 'in complete denial'],
  ['unmotivated', 'Member seemed unmotivated.', 'unmotivated'],
  ['unmotivated', 'Member seemed un-motivated.', 'un-motivated'],
  ['unmotivated', 'Member is not motivated to change.', 'not motivated'],
  ['unmotivated', 'He lacks motivation.', 'lacks motivation'],
  ['resistant', 'Member is resistant to change.', 'resistant'],
  ['resistant', 'Resistant to feedback.', 'Resistant'],
  ['resistant', 'Member is treatment resistant.', 'resistant'],
  ['frequent_flyer', 'He is a frequent flyer at the ER.', 'frequent flyer'],
  ['frequent_flyer', 'a frequent-flier', 'frequent-flier'],
  ['frequent_flyer', 'frequentflyers', 'frequentflyers'],
  ['suffers_from', 'Member suffers from depression.', 'suffers from'],
  ['suffers_from', 'She has suffered from anxiety.', 'suffered from'],
  ['suffers_from', 'He is suffering from PTSD.', 'suffering from'],
  ['suffers_from', 'afflicted with addiction', 'afflicted with'],
  ['failed_treatment', 'Member failed treatment twice.', 'failed treatment'],
  ['failed_treatment', 'She failed out of rehab.', 'failed out of rehab'],
  ['failed_treatment', 'He failed the program.', 'failed the program'],
  ['failed_treatment', 'history of treatment failure', 'treatment failure'],
  ['failed_test', 'Member failed a drug test.', 'failed a drug test'],
  ['failed_test', 'Member failed his UA', 'failed his UA'],
  ['failed_test', 'Failed U.A. on Monday', 'Failed U.A.'],
  ['failed_test', 'failed her urine screen', 'failed her urine screen'],
  ['failed_test', 'failed the tox screen', 'failed the tox screen'],
  ['addict', 'He is an addict.', 'addict'],
  ['addict', 'Addicts need support.', 'Addicts'],
  ['addict', 'a former addict', 'addict'],
  ['addict', 'the addict’s family', 'addict'],
  ['alcoholic', 'Her father is an alcoholic.', 'alcoholic'],
  ['alcoholic', 'ALCOHOLIC', 'ALCOHOLIC'],
  ['alcoholic', 'alcoholics in the shelter', 'alcoholics'],
  ['junkie', 'a junkie', 'junkie'],
  ['junkie', 'junkies', 'junkies'],
  ['junkie', 'called a crackhead', 'crackhead'],
  ['junkie', 'called a crack-head', 'crack-head'],
  ['junkie', 'a meth head', 'meth head'],
  ['junkie', 'dope fiend', 'dope fiend'],
  ['junkie', 'tweakers', 'tweakers'],
  ['junkie', 'druggie', 'druggie'],
  ['abuser', 'a drug abuser', 'drug abuser'],
  ['abuser', 'substance abusers', 'substance abusers'],
  ['abuser', 'an alcohol-abuser', 'alcohol-abuser'],
  ['abuser', 'abuser of opioids', 'abuser of opioids'],
  ['substance_abuse', 'history of substance abuse', 'substance abuse'],
  ['substance_abuse', 'Drug abuse since 2015.', 'Drug abuse'],
  ['substance_abuse', 'alcohol abuse', 'alcohol abuse'],
  ['substance_abuse', 'SUBSTANCE ABUSE', 'SUBSTANCE ABUSE'], // shouting, not a name in title case
  ['drug_habit', 'his drug habit', 'drug habit'],
  ['drug_habit', 'a heroin habit', 'heroin habit'],
  ['drug_habit', 'pill habits', 'pill habits'],
  ['clean', 'Her UA was clean.', 'clean'],
  ['clean', 'She has been clean for 90 days.', 'clean'],
  ['dirty', 'Her UA was dirty.', 'dirty'],
  ['dirty', 'He came back dirty for meth.', 'dirty'],
];

describe('each term fires on its judgmental use', () => {
  it.each(FIRES)('%s in “%s” (caught as “%s”)', (term, sentence, text) => {
    expect(found(sentence)).toEqual([`${term}:${text}`]);
  });

  it('has at least one firing example for every term', () => {
    expect(new Set(FIRES.map(([term]) => term))).toEqual(new Set(LANGUAGE_TERM_IDS));
  });
});

/**
 * [term, sentence] where the term must stay quiet: a longer word containing it, or a context where the word is
 * innocent (someone else refusing, a drink, a diagnosis, an agency's name, housework).
 */
const QUIET: ReadonlyArray<readonly [LanguageTermId, string]> = [
  ['non_compliant', 'Member is compliant with her plan and compliance is not an issue.'],
  ['refused', 'Member was refused entry at the shelter.'],
  ['refused', 'The application was refused by the landlord.'],
  ['refused', 'She got refused at the clinic.'],
  ['refused', 'Member declined the referral.'],
  ['uncooperative', 'Member was cooperative.'],
  ['manipulative', 'We practised manipulating clay in art group.'],
  ['attention_seeking', 'Member is seeking attention from her doctor for back pain.'],
  ['drug_seeking', 'Member is seeking help with drug treatment.'],
  ['in_denial', 'Her claim denial letter arrived; we worked on the denial appeal.'],
  ['unmotivated', 'Member is motivated and talked about motivation.'],
  ['resistant', 'Member has treatment-resistant depression.'],
  ['resistant', 'Member has treatment resistant depression.'],
  ['resistant', 'Bought a water-resistant jacket.'],
  ['resistant', 'We used resistance bands in the wellness group.'],
  ['frequent_flyer', 'Member is a frequent visitor at the library.'],
  ['suffers_from', 'Member has depression and lives with anxiety.'],
  ['suffers_from', 'She suffered a fall.'],
  ['failed_treatment', 'The printer failed and treatment plan was printed later.'],
  ['failed_treatment', 'Member failed to show.'],
  ['failed_test', 'Member failed her driving test.'],
  ['failed_test', 'Member tested positive for THC.'],
  ['addict', 'Member is addicted to nicotine and talked about addiction.'],
  ['addict', 'Member goes to Narcotics Anonymous.'],
  ['alcoholic', 'We had non-alcoholic drinks.'],
  ['alcoholic', 'She chose a non alcoholic beer.'],
  ['alcoholic', 'Member attends Alcoholics Anonymous.'],
  ['alcoholic', 'Member has alcoholic hepatitis.'],
  ['alcoholic', 'Member went to Adult Children of Alcoholics.'],
  ['alcoholic', 'No alcoholic beverages at the event.'],
  ['junkie', 'Member collects junk and junky furniture.'],
  ['abuser', 'Her abuser called the house.'],
  ['abuser', 'Member is safe from her abuser.'],
  ['substance_abuse', 'Referred by the Substance Abuse Prevention and Control bureau.'],
  ['substance_abuse', 'See the Substance Abuse and Mental Health Services Administration site.'],
  ['substance_abuse', 'Member talked about past child abuse.'],
  ['substance_abuse', 'Member was abused as a child.'],
  ['drug_habit', 'Member built a new habit of walking daily.'],
  ['clean', 'Helped her clean the kitchen.'],
  ['clean', 'Member picked up clean clothes.'],
  ['dirty', 'Member washed dirty dishes.'],
];

describe('each term stays quiet where it is innocent', () => {
  it.each(QUIET)('%s in “%s”', (term, sentence) => {
    expect(found(sentence).filter((entry) => entry.startsWith(`${term}:`))).toEqual([]);
  });

  it('has at least one quiet example for every term', () => {
    expect(new Set(QUIET.map(([term]) => term))).toEqual(new Set(LANGUAGE_TERM_IDS));
  });
});

describe('whole words only', () => {
  it.each([
    ['addictive', 'an addictive game'],
    ['readdict', 'readdicted'],
    ['refusenik', 'a refusenik'],
    ['cleaner', 'the cleaner came'],
    ['dirtyish', 'dirtyish'],
    ['preresistant', 'preresistant'],
    ['junkies2', 'junkies2'],
    ['accented letter before', 'éaddict'],
  ])('finds nothing in %s', (_what, text) => {
    expect(found(text)).toEqual([]);
  });
});
