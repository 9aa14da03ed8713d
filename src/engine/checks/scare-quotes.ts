/**
 * Scare quotes: one or two words in quotation marks inside the writer's own sentence ("she was 'fine'")
 * read as doubt. Longer quotations are the person's (or someone's) own words and are left alone.
 */
import type { CompiledScareQuotes } from '../rule-set.js';
import type { BlockInfo } from '../analyze.js';
import type { Finding } from '../types.js';
import { fill } from '../messages.js';
import { readSentence } from '../reading.js';
import { firstAtOrAfter, sentenceAt } from '../tokenize.js';

/** Whose words surround a quotation at block offset `rel`: the voice of the word before it ('writer' when none). */
function voiceAround(info: BlockInfo, rel: number): string {
  const s = sentenceAt(info.local.sentences, rel);
  if (!s) return 'writer';
  const at = firstAtOrAfter(s.tokens, rel);
  const i = at < s.tokens.length ? at : -1;
  if (i <= 0) return 'writer';
  return readSentence(s, info.text, info.local.quotes).voice[i - 1]!;
}

/** "she was", "he seemed", "Ana felt" just before the quotation: the quoted words are said of the person. */
const SAID_OF_PERSON = /(?:^|[^\p{L}])(?:he|she|they|\p{Lu}\p{Ll}+) (?:was|is|were|are|felt|feels|seemed|seems|appeared|appears|looked|looks|became|becomes|got|gets|stayed|remains|remained)(?: (?:quite|very|so|really|a bit|completely|totally|perfectly))? $/u;

export function checkScareQuotes(rule: CompiledScareQuotes, blocks: readonly BlockInfo[], personState: ReadonlySet<string> = new Set()): Finding[] {
  const out: Finding[] = [];
  for (const info of blocks) {
    // block offsets throughout (the block's cached quotes and sentences); findings move to document offsets
    const quotes = info.local.quotes;
    const bt = info.text;
    for (const q of quotes) {
      const inner = q.inner.trim();
      const words = inner.split(/\s+/).filter(Boolean);
      if (words.length === 0 || words.length > rule.maxWords) continue;
      if (!/^\p{Ll}/u.test(inner) || /[.!?,;:]$/.test(inner)) continue;
      if (quotes.some((o) => o !== q && o.start < q.start && q.end < o.end)) continue;
      // Doubt is about the person: the quoted words say what they went through or are ('was "trapped"', the
      // "victim"), or are said of them ('she was "fine"'). Other words in quotation marks are someone's terms.
      const lead = bt.slice(Math.max(0, q.start - 40), q.start);
      if (!SAID_OF_PERSON.test(lead) && !words.some((w) => personState.has(w.toLowerCase().replace(/[^\p{L}']/gu, '')))) continue;
      const before = lead.toLowerCase();
      const prevWords = before.match(/[\p{L}']+/gu) ?? [];
      // "called the money 'a loan'": a naming verb up to four words before gives someone's term for it
      const prev = prevWords.slice(-4);
      if (prev.some((w) => rule.namingCues.has(w))) continue;
      // A quotation that is the whole sentence or follows a colon is speech, not a scare quote.
      if (/[:]\s*$/.test(before)) continue;
      // A word quoted and then explained ("'farm' (a room set up to grow cannabis)", "'spot' - the place ...")
      // is mentioned, not doubted.
      if (/^\s*(?:\(|[–—-]\s|:\s|,\s*(?:meaning|which means|i\.e\.|that is)\b)/.test(bt.slice(q.end, q.end + 16))) continue;
      // Only the writer's own narrative puts scare quotes around a word: inside someone's reported words
      // ("she asked whether we could help her 'escape'", "he told her it paid off 'the ticket'"), a definition
      // or words named as language, quotation marks give that speaker's word.
      if (voiceAround(info, q.start) !== 'writer') continue;
      const excerpt = bt.slice(q.start, q.end);
      out.push({
        rule: rule.meta.id,
        category: rule.meta.category,
        severity: rule.meta.severity,
        start: q.start + info.block.start,
        end: q.end + info.block.start,
        excerpt,
        message: fill(rule.meta.message, excerpt, inner),
        suggestions: [inner],
        rationale: rule.meta.rationale,
        source: rule.meta.source,
      });
    }
  }
  return out;
}
