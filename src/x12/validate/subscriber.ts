/**
 * @module x12/validate/subscriber
 * The member (2000B/2010BA: subscriber = patient under Medicaid): id, name, address, gender and date of birth,
 * and whether consecutive claims that the writer puts under one subscriber loop agree about who it is.
 */
import { isCalendarDate } from '../../engine/index.js';
import { GENDER_CODES, type Address, type Subscriber837 } from '../types.js';
import { cleanCode, cleanText, digitsOf } from '../values.js';
import { X12_PROBLEM_CODES } from './codes.js';
import type { Path, Problems } from './problems.js';
import { TEXT_RULES } from './text-rules.js';
import { checkAddress, checkDate, checkText } from './values.js';

/**
 * The subscribers of one batch. A member's claims often share one subscriber object: its problems are reported
 * with the first of a run of claims sharing it. The billing export builds a fresh subscriber for every claim
 * instead, so on the fast path one with the values of the last subscriber found clean is not checked again.
 * Only a clean one is kept, so the skip never hides a problem (a faulty one is checked, and reported, again).
 */
export class SubscriberChecks {
  /** The last subscriber found clean. */
  private clean: Subscriber837 | undefined;

  /**
   * Checks the claim's subscriber unless the claim before had this very object.
   *
   * @param claimPath - the claim's path; the subscriber's is built from it only when it is checked
   * @returns the member's date of birth when it is a real date (services are compared with it)
   */
  check(
    problems: Problems,
    subscriber: Subscriber837,
    previous: Subscriber837 | undefined,
    claimPath: Path,
  ): string | undefined {
    let birthOk: boolean;
    if (subscriber === previous) {
      birthOk = isCalendarDate(subscriber.dateOfBirth);
    } else if (
      problems.fastPaths &&
      this.clean !== undefined &&
      sameSubscriberValues(this.clean, subscriber)
    ) {
      birthOk = true;
    } else {
      const before = problems.list.length;
      birthOk = checkSubscriber(problems, subscriber, [...claimPath, 'subscriber']);
      if (problems.list.length === before) {
        this.clean = subscriber;
      }
    }
    return birthOk ? subscriber.dateOfBirth : undefined;
  }
}

/** Checks the member; true when the date of birth can be compared with dates of service. */
function checkSubscriber(problems: Problems, subscriber: Subscriber837, path: Path): boolean {
  checkText(problems, subscriber.memberId, path, 'memberId', TEXT_RULES.memberId);
  checkText(problems, subscriber.last, path, 'last', TEXT_RULES.memberLast);
  checkText(problems, subscriber.first, path, 'first', TEXT_RULES.memberFirst);
  if (subscriber.middle !== undefined) {
    checkText(problems, subscriber.middle, path, 'middle', TEXT_RULES.memberMiddle, false);
  }
  checkAddress(problems, subscriber.address, [...path, 'address'], '2010BA', false);
  if (!(GENDER_CODES as readonly string[]).includes(subscriber.gender)) {
    problems.add(
      X12_PROBLEM_CODES.gender,
      `Use F, M or U for the member's gender, not "${String(subscriber.gender)}".`,
      [...path, 'gender'],
      '2010BA DMG03',
    );
  }
  return checkDate(
    problems,
    subscriber.dateOfBirth,
    path,
    'dateOfBirth',
    "the member's date of birth",
    '2010BA DMG02',
  );
}

/** True when two subscribers carry the same member id (so the writer puts their claims under one 2000B loop). */
export function sameMemberId(a: Subscriber837, b: Subscriber837): boolean {
  return a === b || a.memberId.trim() === b.memberId.trim();
}

/**
 * True when two subscribers are the same member once cleaned as the writer cleans them (names, address), so
 * their claims can share one subscriber loop; comparing the values as given first is the fast path.
 */
export function sameSubscriber(a: Subscriber837, b: Subscriber837, fastPaths: boolean): boolean {
  if (a === b || (fastPaths && sameSubscriberValues(a, b))) {
    return true;
  }
  return (
    cleanText(a.last) === cleanText(b.last) &&
    cleanText(a.first) === cleanText(b.first) &&
    cleanText(a.middle ?? '') === cleanText(b.middle ?? '') &&
    a.dateOfBirth === b.dateOfBirth &&
    a.gender === b.gender &&
    sameAddress(a.address, b.address)
  );
}

function sameAddress(a: Address, b: Address): boolean {
  return (
    a === b ||
    (cleanText(a.line1) === cleanText(b.line1) &&
      cleanText(a.line2 ?? '') === cleanText(b.line2 ?? '') &&
      cleanText(a.city) === cleanText(b.city) &&
      cleanCode(a.state) === cleanCode(b.state) &&
      digitsOf(a.postalCode) === digitsOf(b.postalCode))
  );
}

/**
 * True when two subscribers hold the very same values as given, compared without cleaning anything: the cheap
 * test that settles the usual case of one member's consecutive claims, built as separate objects.
 */
function sameSubscriberValues(a: Subscriber837, b: Subscriber837): boolean {
  const x = a.address;
  const y = b.address;
  return (
    a.memberId === b.memberId &&
    a.last === b.last &&
    a.first === b.first &&
    a.middle === b.middle &&
    a.dateOfBirth === b.dateOfBirth &&
    a.gender === b.gender &&
    (x === y ||
      (x.line1 === y.line1 &&
        x.line2 === y.line2 &&
        x.city === y.city &&
        x.state === y.state &&
        x.postalCode === y.postalCode))
  );
}
