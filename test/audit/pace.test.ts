/**
 * An audit's progress says how fast it is going and how long is left (issue 16), from the drafts finished so
 * far: nothing is promised before there is a rate.
 */
import { describe, expect, it } from 'vitest';
import { pace, paceText } from '../../src/audit/pace.js';

describe('audit pace', () => {
  it('gives drafts per second over the run and the time the rest take at that rate', () => {
    expect(pace(100, 1000, 2000)).toEqual({ perSecond: 50, secondsLeft: 18 });
    expect(paceText(pace(100, 1000, 2000))).toBe('50 drafts/s, about 18 s left');
    expect(paceText(pace(10, 17_000, 4000))).toBe('2.5 drafts/s, about 1 h 53 min left');
    expect(paceText(pace(30, 120, 10_000))).toBe('3 drafts/s, about 30 s left');
    expect(paceText(pace(3, 1000, 1000))).toBe('3 drafts/s, about 5 min 33 s left');
  });

  it('promises nothing before the first draft finishes or too soon to say', () => {
    expect(pace(0, 1000, 5000)).toEqual({ perSecond: 0 });
    expect(paceText(pace(0, 1000, 5000))).toBe('');
    expect(paceText(pace(2, 1000, 100))).toBe('');
  });

  it('says it is finishing when nothing is left', () => {
    expect(paceText(pace(1000, 1000, 20_000))).toBe('50 drafts/s, finishing');
  });
});
