import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/api/contract.js';
import { blocksOrParagraphs, placeBlocks } from '../../renderer/src/blocks.js';

const TEXT = 'Indicators\n\nNo wages.\n\nKept in a trailer.\n\nSafeguarding\n\nTaken to a place of safety.';
const at = (text: string, words: string, kind: Block['kind'], level?: number): Block => ({ kind, start: text.indexOf(words), end: text.indexOf(words) + words.length, ...(level ? { level } : {}) });
const BLOCKS = [at(TEXT, 'Indicators', 'heading', 1), at(TEXT, 'No wages.', 'list-item'), at(TEXT, 'Kept in a trailer.', 'list-item'), at(TEXT, 'Safeguarding', 'heading', 1), at(TEXT, 'Taken to a place of safety.', 'paragraph')];
const shown = (text: string, blocks: readonly Block[]) => blocks.map((b) => `${b.kind}:${text.slice(b.start, b.end)}`);

describe('the structure shown while the user types, until the next check reads it', () => {
  it('keeps each heading and list item on its words when words are typed inside one of them', () => {
    const now = TEXT.replace('Kept in a trailer.', 'Kept in a locked trailer.');
    expect(shown(now, placeBlocks(TEXT, now, BLOCKS))).toEqual(['heading:Indicators', 'list-item:No wages.', 'list-item:Kept in a locked trailer.', 'heading:Safeguarding', 'paragraph:Taken to a place of safety.']);
  });

  it('moves the blocks after a deletion back with it, and drops none that the edit did not reach', () => {
    const now = TEXT.replace('No wages.', 'None.');
    expect(shown(now, placeBlocks(TEXT, now, BLOCKS))).toEqual(['heading:Indicators', 'list-item:None.', 'list-item:Kept in a trailer.', 'heading:Safeguarding', 'paragraph:Taken to a place of safety.']);
  });

  it('leaves out a block whose start the user deleted, and the one before takes what was typed over it', () => {
    const now = TEXT.replace('wages.\n\nKept in', 'wages or food, kept in');
    expect(shown(now, placeBlocks(TEXT, now, BLOCKS))).toEqual(['heading:Indicators', 'list-item:No wages or food, kept in a trailer.', 'heading:Safeguarding', 'paragraph:Taken to a place of safety.']);
  });

  it('gives the same blocks back when nothing changed', () => {
    expect(placeBlocks(TEXT, TEXT, BLOCKS)).toBe(BLOCKS);
  });

  it('shows a text no check has read yet as its paragraphs', () => {
    expect(shown(TEXT, blocksOrParagraphs(TEXT, []))).toEqual(['paragraph:Indicators', 'paragraph:No wages.', 'paragraph:Kept in a trailer.', 'paragraph:Safeguarding', 'paragraph:Taken to a place of safety.']);
  });
});
