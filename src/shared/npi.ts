/**
 * @module shared/npi
 * National Provider Identifier check digit: Luhn over the 9 leading digits prefixed with the
 * card-issuer prefix 80840 (CMS, "NPI Check Digit" — the same algorithm as ISO/IEC 7812).
 */

/** True when `value` is ten digits whose last digit is the NPI check digit of the first nine. */
export function isValidNpi(value: string): boolean {
  if (!/^\d{10}$/.test(value)) {
    return false;
  }
  return npiCheckDigit(value.slice(0, 9)) === Number(value[9]);
}

/** The check digit for nine NPI digits. */
export function npiCheckDigit(firstNine: string): number {
  if (!/^\d{9}$/.test(firstNine)) {
    throw new RangeError('npiCheckDigit needs exactly nine digits');
  }
  // Doubling starts from the rightmost digit of the nine; the 80840 prefix adds a constant 24.
  let sum = 24;
  for (let index = 0; index < 9; index += 1) {
    const digit = Number(firstNine[8 - index]);
    if (index % 2 === 0) {
      const doubled = digit * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    } else {
      sum += digit;
    }
  }
  return (10 - (sum % 10)) % 10;
}
