import { describe, expect, it } from 'vitest';
import { check } from '../helpers.js';

const quoted = (text: string) => check(text, 'adult').findings.filter((f) => f.rule === 'disbelief/scare-quotes').map((f) => f.excerpt);

describe('scare quotes doubt the person, not the exploiters’ terms', () => {
  it.each([
    ['what she went through', 'Mirela was kept in the flat and was "trapped" there for a month.', '"trapped"'],
    ['what he is', 'The "victim" has not engaged with the service since March.', '"victim"'],
    ['a word said of her', 'When officers arrived she was "happy" to stay.', '"happy"'],
    ['a word said of him by name', 'Ionut seemed "fine" at the door.', '"fine"'],
  ])('flags %s', (_, text, words) => {
    expect(quoted(text)).toEqual([words]);
  });

  it.each([
    ['a fine the exploiters gave', 'Fines for being "slow" were taken from her wages.'],
    ['an exploiter’s term for a count', 'He was beaten after a "short" delivery.'],
    ['the debt the exploiters invented', 'Gifts from an adult man, then a "debt" for them.'],
    ['money the exploiters gave', 'He got £40 a week "for food" and nothing else.'],
    ['a number in the person’s own words', 'He lives in a house with "maybe ten" other people.'],
  ])('leaves %s alone', (_, text) => {
    expect(quoted(text)).toEqual([]);
  });
});
