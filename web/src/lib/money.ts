/**
 * @module web/lib/money
 * Dollars as people type them ("46.67", "$1,250", "6.5") to whole cents and back, for the forms that take
 * prices. The API holds money in cents; reading the text digit by digit (never through a float times 100)
 * keeps "0.29" at 29 cents rather than 28.999….
 */

/** Dollars and at most two decimals, with an optional "$" and thousands commas: "$1,250.5". */
const DOLLARS = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{0,2}))?$/;

/**
 * Whole cents of an amount typed in dollars; undefined when the text is not such an amount (letters, a
 * minus sign, three decimals), so the form can say what to type.
 *
 * @example centsOfDollars('$46.67') // 4667
 * @example centsOfDollars('6.5') // 650
 * @param text - the amount as typed
 */
export function centsOfDollars(text: string): number | undefined {
  const match = DOLLARS.exec(text.trim());
  if (match === null) return undefined;
  const whole = (match[1] ?? '').replaceAll(',', '');
  const fraction = (match[2] ?? '').padEnd(2, '0');
  // Beyond this the number is no longer exact; the schemas refuse far smaller amounts anyway.
  if (whole.length > 13) return undefined;
  return Number(whole) * 100 + Number(fraction);
}

/**
 * An amount in cents as a form field shows it: "46.67", without a "$" or commas so it reads back unchanged.
 *
 * @example dollarsOfCents(650) // "6.50"
 */
export function dollarsOfCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(Math.trunc(cents));
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}
