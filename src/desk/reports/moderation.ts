/**
 * Moderation of what reporters write, before it is shown publicly: email addresses, phone numbers and links are
 * masked (people paste their own contact details, and links are the spammer's payload), and a short list of
 * slurs and profanity is masked letter for letter. Staff always see the original. Pure.
 *
 * Deliberately narrow: numbers that are data (dates, times, values, row ids) must survive, so a phone number
 * needs the shape of one (separators, parentheses or a leading +), not merely ten digits.
 */

export const MASKS = { email: '[email removed]', phone: '[phone removed]', link: '[link removed]' } as const;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** http(s), ftp and www. addresses, up to the next space (a closing bracket or final stop stays). */
const LINK = /\b(?:(?:https?|ftp):\/\/|www\.)[^\s<>"']+[^\s<>"'.,;:!?)\]]/gi;

/**
 * North American numbers with separators or parentheses (714-555-0199, (714) 555 0199, 714.555.0199, with an
 * optional +1 or 1 before), and international numbers written with a leading + (+44 20 7946 0958).
 */
const PHONE =
  /(?<![\w+.-])(?:(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}|\+\d{1,3}(?:[\s.-]?\d){6,14})(?![\w-])/g;

/**
 * The words masked, each with the forms meant (listed rather than matched by prefix, so that innocent words
 * that start the same way are left alone).
 */
const WORDS = [
  'asshole',
  'assholes',
  'bastard',
  'bastards',
  'bitch',
  'bitches',
  'bullshit',
  'chink',
  'chinks',
  'cunt',
  'cunts',
  'dickhead',
  'fag',
  'faggot',
  'faggots',
  'fags',
  'fuck',
  'fucked',
  'fucker',
  'fuckers',
  'fucking',
  'fucks',
  'kike',
  'kikes',
  'motherfucker',
  'motherfuckers',
  'nigga',
  'niggas',
  'nigger',
  'niggers',
  'retard',
  'retarded',
  'retards',
  'shit',
  'shits',
  'shitty',
  'spic',
  'spics',
  'tranny',
  'wetback',
  'wetbacks',
];

const PROFANITY = new RegExp(`\\b(?:${WORDS.join('|')})\\b`, 'gi');

/** What moderation found, for the staff view and the tests. */
export interface Moderated {
  text: string;
  masked: { emails: number; phones: number; links: number; words: number };
}

/** Masks contact details, links and the listed words in a reporter's text. */
export function moderate(text: string): Moderated {
  const masked = { emails: 0, phones: 0, links: 0, words: 0 };
  const out = text
    .replace(LINK, () => {
      masked.links += 1;
      return MASKS.link;
    })
    .replace(EMAIL, () => {
      masked.emails += 1;
      return MASKS.email;
    })
    .replace(PHONE, () => {
      masked.phones += 1;
      return MASKS.phone;
    })
    .replace(PROFANITY, (word) => {
      masked.words += 1;
      return `${word[0]}${'*'.repeat(word.length - 1)}`;
    });
  return { text: out, masked };
}

/** The public form of a reporter's text. */
export const publicText = (text: string): string => moderate(text).text;
