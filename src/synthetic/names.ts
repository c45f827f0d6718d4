/**
 * @module synthetic/names
 * Synthetic person names: a given name and a surname drawn independently from built-in lists of common names
 * from many backgrounds. Each name on its own is shared by very many people, so no combination identifies
 * anyone; combinations that match a well-known public figure are refused and drawn again.
 *
 * Names are plain ASCII so that they turn into email local parts without transliteration.
 */
import type { Rng } from './prng.js';

/** Common given names, mixed in gender and origin. */
export const GIVEN_NAMES: readonly string[] = [
  'Aaliyah',
  'Adebayo',
  'Aiko',
  'Alejandro',
  'Amara',
  'Amber',
  'Ananya',
  'Andrei',
  'Ayesha',
  'Beatriz',
  'Brian',
  'Carmen',
  'Casey',
  'Chiamaka',
  'Cody',
  'Crystal',
  'Daniel',
  'Darnell',
  'Deepa',
  'Dmitri',
  'Dustin',
  'Elena',
  'Emeka',
  'Emily',
  'Esperanza',
  'Farid',
  'Fatima',
  'Gabriela',
  'Hana',
  'Heather',
  'Hiroshi',
  'Ibrahim',
  'Imani',
  'Isabel',
  'Jamal',
  'Jasmine',
  'Javier',
  'Jessica',
  'Jia',
  'Kai',
  'Kalani',
  'Keisha',
  'Kevin',
  'Kwame',
  'Lakshmi',
  'Laura',
  'Leilani',
  'Lucia',
  'Malik',
  'Mariana',
  'Mateo',
  'Megan',
  'Mei',
  'Morgan',
  'Nadia',
  'Naveen',
  'Nicole',
  'Nkechi',
  'Oksana',
  'Omar',
  'Pedro',
  'Priya',
  'Quynh',
  'Rachel',
  'Rafael',
  'Rashida',
  'Riley',
  'Rosa',
  'Ryan',
  'Samir',
  'Shawn',
  'Sofia',
  'Sunil',
  'Tariq',
  'Taylor',
  'Thanh',
  'Tomas',
  'Travis',
  'Tyler',
  'Valentina',
  'Wei',
  'Xochitl',
  'Yara',
  'Yusuf',
  'Zainab',
  'Zoe',
];

/** Common surnames, mixed in origin. */
export const FAMILY_NAMES: readonly string[] = [
  'Acosta',
  'Adeyemi',
  'Aguilar',
  'Ahmed',
  'Alvarez',
  'Anderson',
  'Bautista',
  'Begay',
  'Bennett',
  'Bhatt',
  'Brooks',
  'Castillo',
  'Chavez',
  'Chen',
  'Cho',
  'Coleman',
  'Contreras',
  'Dang',
  'Delgado',
  'Diallo',
  'Dominguez',
  'Eriksen',
  'Estrada',
  'Fernandez',
  'Fletcher',
  'Flores',
  'Foster',
  'Fujita',
  'Garcia',
  'Goldberg',
  'Gonzalez',
  'Gupta',
  'Haddad',
  'Halvorsen',
  'Hayes',
  'Hernandez',
  'Huang',
  'Ibarra',
  'Iyer',
  'Jimenez',
  'Kaur',
  'Khan',
  'Kim',
  'Kowalski',
  'Lam',
  'Larsen',
  'Le',
  'Lopez',
  'Mahmoud',
  'Martinez',
  'Mendoza',
  'Mensah',
  'Miller',
  'Moreno',
  'Nakamura',
  'Nguyen',
  'Novak',
  'Okafor',
  'Olsen',
  'Ortiz',
  'Owens',
  'Park',
  'Patel',
  'Pham',
  'Quintero',
  'Ramirez',
  'Reyes',
  'Rios',
  'Sandoval',
  'Santos',
  'Schmidt',
  'Shah',
  'Silva',
  'Singh',
  'Soto',
  'Sullivan',
  'Tanaka',
  'Tran',
  'Trujillo',
  'Vargas',
  'Vasquez',
  'Walker',
  'Yazzie',
  'Yilmaz',
  'Zamora',
  'Zhang',
];

/**
 * Combinations of the lists above that match (or closely match) a well-known public figure or a famous
 * fictional character; lower case, "given family". They are never produced.
 */
export const FAMOUS_NAME_COMBINATIONS: ReadonlySet<string> = new Set([
  'alejandro gonzalez',
  'brian flores',
  'daniel kim',
  'emily owens',
  'jasmine sullivan',
  'javier hernandez',
  'pedro martinez',
  'ryan garcia',
]);

/** A synthetic person's name. */
export interface PersonName {
  givenName: string;
  familyName: string;
}

/**
 * True when the name is on {@link FAMOUS_NAME_COMBINATIONS}.
 *
 * @param name - the name to check.
 */
export function isFamousCombination(name: PersonName): boolean {
  return FAMOUS_NAME_COMBINATIONS.has(`${name.givenName} ${name.familyName}`.toLowerCase());
}

/**
 * A synthetic person name; never a combination on {@link FAMOUS_NAME_COMBINATIONS}.
 *
 * @param rng - the stream to draw from (two or more draws).
 * @example
 * syntheticPersonName(createRng('x')); // e.g. { givenName: 'Imani', familyName: 'Nakamura' }
 */
export function syntheticPersonName(rng: Rng): PersonName {
  for (;;) {
    const name: PersonName = { givenName: rng.pick(GIVEN_NAMES), familyName: rng.pick(FAMILY_NAMES) };
    if (!isFamousCombination(name)) {
      return name;
    }
  }
}

/**
 * The name as shown in the app: "Given Family".
 *
 * @param name - the name to format.
 */
export function formatDisplayName(name: PersonName): string {
  return `${name.givenName} ${name.familyName}`;
}
