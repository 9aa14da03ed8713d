/** Who the referral is about: a child or an adult, and the age if the draft gives one. */
import type { Subject } from './types.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DATE_RE = new RegExp(`(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_RE})\\.?,?\\s+(\\d{4})|(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})`, 'gi');
/** Capitalised words that are not a name before an age ("In May, 14, people ..."). */
const NOT_NAME = '(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Room|Flat|Unit|Page|Section|Visit|In|On|At|By|From|Since|Until|Between|During|And|But|The|Of|For)\\b)';
const AGE_RES = [
  /\b(?:aged|age[d:]?\s*(?:is|was)?|age of)\s*:?\s*(\d{1,2})\b/gi,
  /\b(\d{1,2})[- ]years?[- ]old\b/gi,
  /\b(\d{1,2})[- ]year[- ]old\b/gi,
  // "Elira K. is 23 and Albanian", "she is 15,"
  /\b(?:[A-Z][a-z]+(?: [A-Z]\.)?|[Ss]he|[Hh]e) (?:is|was|turned) (\d{1,2})(?=[,.;]|\s+(?:and|years|yrs|but|or|on|in)\b)/g,
  // a case header: "Nguyen Thi Lan, female, 29, Vietnamese national", "Male, 17"
  /\b(?:male|female)\s*,\s*(\d{1,2})(?=\s*(?:[,;)\n]|$|years?\b|yrs?\b))/gim,
  // a name with the age set off by commas before the verb: "Mia, 14, is ...", "Jayden Cole, 16, was arrested"
  new RegExp(`\\b${NOT_NAME}[A-Z][a-z]+(?: ${NOT_NAME}[A-Z][a-z]+)?, (\\d{1,2}), (?=[a-z])`, 'g'),
];
const OTHER_PERSON = /\b(?:son|daughter|brother|sister|mother|father|mum|dad|husband|wife|uncle|aunt|cousin|partner|boyfriend|girlfriend|man|men|woman|women|exploiters?|recruiter|friend|grandmother|grandfather|baby|children|child has|sons|daughters)\b[^.\n]{0,25}$/i;
const DOB_RE = /\b(?:date of birth|d\.?o\.?b\.?|born(?: on| in)?)\s*:?\s*(?:is\s*)?/gi;
const STRONG_CHILD_CUES = /\b(?:year \d{1,2}|foster(?:ed| placement| carer)|looked[- ]after child|children's home|uasc|unaccompanied (?:asylum[- ]seeking )?child|pupil|secondary school|primary school|under 18|under-18)\b/gi;
const CHILD_CUES = /\b(?:child|boy|girl|teenager|minor|young person|in care)\b/gi;
const ADULT_CUES = /\b(?:(?:her|his) (?:baby|newborn|son|daughter)|postnatal|antenatal|pregnant|new birth visit|(?:is|was) an? (?:adult|woman|man)|adult (?:male|female|man|woman)|(?:his|her) (?:wife|husband|employer)|mother of|father of|(?:male|female), \d{2})\b/gi;

function parseDate(m: RegExpExecArray): Date | null {
  if (m[1] && m[2] && m[3]) {
    const mi = MONTHS.findIndex((x) => x.startsWith(m[2]!.toLowerCase().slice(0, 3)));
    return mi >= 0 ? new Date(Date.UTC(+m[3], mi, +m[1])) : null;
  }
  if (m[4] && m[5] && m[6]) return new Date(Date.UTC(+m[6], +m[5] - 1, +m[4]));
  return null;
}

function yearsBetween(a: Date, b: Date): number {
  let y = b.getUTCFullYear() - a.getUTCFullYear();
  if (b.getUTCMonth() < a.getUTCMonth() || (b.getUTCMonth() === a.getUTCMonth() && b.getUTCDate() < a.getUTCDate())) y--;
  return y;
}

type Stated = { at: number; age: number; basis: string };

/**
 * The first match of `re` that states an age of the person (not one about someone else). Only a match before
 * `before` can matter (an earlier pattern found an age there), so the search reads little past it: a draft
 * that gives the age near its top is not read to its end for every pattern.
 */
function firstAge(re: RegExp, text: string, before: number): Stated | null {
  // (a match that reaches near the end of the part read is looked for again in the whole text)
  const cut = before + 400;
  const part = cut < text.length ? text.slice(0, cut) : text;
  re.lastIndex = 0;
  for (const m of part.matchAll(re)) {
    if (m.index >= before) return null;
    if (part !== text && m.index + m[0].length + 100 > cut) return firstAge(re, text, Infinity);
    const age = Number(m[1]);
    if (age < 1 || age > 110) continue;
    if (OTHER_PERSON.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    return { at: m.index, age, basis: m[0] };
  }
  return null;
}

/** The match of `re` that starts at `at` in `text`. */
function matchFrom(re: RegExp, text: string, at: number): RegExpExecArray | null {
  const sticky = new RegExp(re.source, re.flags.replace('g', '') + 'y');
  sticky.lastIndex = at;
  return sticky.exec(text);
}

export function detectSubject(text: string, today = new Date()): Subject {
  // 1. A stated age, the first one not about someone else.
  let best: Stated | null = null;
  for (const re of AGE_RES) {
    const m = firstAge(re, text, best ? best.at : Infinity);
    if (m && (!best || m.at < best.at)) best = m;
  }
  // 2. A date of birth, measured against the latest date in the draft (the referral's own date).
  let dob: Stated | null = null;
  // (one after the stated age would not be taken: the search reads little past it)
  const part = best && best.at + 400 < text.length ? text.slice(0, best.at + 400) : text;
  for (const label of part.matchAll(DOB_RE)) {
    if (best && label.index >= best.at) break;
    // (a match that reaches near the end of the part read is read again from the whole text)
    const m = part !== text && label.index + label[0].length + 100 > part.length ? matchFrom(DOB_RE, text, label.index)! : label;
    // only the words right after it: a search to the end of the text at every "born" is quadratic
    const after = m.index + m[0].length;
    const near = text.slice(after, after + 40);
    DATE_RE.lastIndex = 0;
    const found = DATE_RE.exec(near);
    const d = found && found.index <= 2 ? Object.assign(found, { index: found.index + after }) : null;
    const birthYear = /^\s*(\d{4})\b/.exec(near);
    let born: Date | null = null;
    if (d) born = parseDate(d);
    else if (birthYear) born = new Date(Date.UTC(+birthYear[1]!, 6, 1));
    if (!born) continue;
    let ref = today;
    let latest: Date | null = null;
    for (const dm of text.matchAll(DATE_RE)) {
      const dd = parseDate(dm);
      if (dd && (!latest || dd > latest) && dd <= today) latest = dd;
    }
    if (latest && latest > born) ref = latest;
    dob = { at: m.index, age: yearsBetween(born, ref), basis: text.slice(m.index, (d ? d.index + d[0].length : m.index + m[0].length + 4)) };
    break;
  }
  const pick = best && dob ? (dob.at < best.at ? dob : best) : (best ?? dob);
  if (pick && pick.age >= 0 && pick.age < 120) return { isChild: pick.age < 18, age: pick.age, basis: pick.basis.trim() };
  // 3. No age: weigh the words used for the person.
  // (what others are quoted as saying, "lazy girl", does not describe the person in the writer's words)
  const own = text.replace(/["“”][^"“”\n]{0,300}["“”]/g, ' ');
  const child = [...own.matchAll(CHILD_CUES)].length + 3 * [...own.matchAll(STRONG_CHILD_CUES)].length;
  const adult = [...own.matchAll(ADULT_CUES)].length;
  if (child > 0 && child >= adult) return { isChild: true, age: null, basis: 'described as a child' };
  return { isChild: false, age: null, basis: child ? 'described mostly as an adult' : 'no age or child status found; treated as an adult' };
}
