/**
 * How fast an audit is going and how long it has left, for its progress line: drafts per second over the run
 * so far and the time the remaining drafts take at that rate. Nothing is estimated before the first draft
 * finishes, or while too little time has passed to say.
 */
export interface Pace {
  /** Drafts finished per second since the run started. */
  perSecond: number;
  /** Seconds the remaining drafts take at that rate (rounded up); undefined until there is a rate. */
  secondsLeft?: number;
}

export function pace(done: number, total: number, elapsedMs: number): Pace {
  if (done <= 0 || elapsedMs < 250) return { perSecond: 0 };
  const perSecond = (done * 1000) / elapsedMs;
  return { perSecond: Math.round(perSecond * 10) / 10, secondsLeft: Math.ceil(Math.max(0, total - done) / perSecond) };
}

/** "12.5 drafts/s, about 1 min 20 s left" (or "" before there is a rate). */
export function paceText(p: Pace): string {
  if (!p.perSecond || p.secondsLeft === undefined) return '';
  const rate = p.perSecond >= 10 ? Math.round(p.perSecond) : p.perSecond;
  return `${rate} draft${rate === 1 ? '' : 's'}/s, ${p.secondsLeft === 0 ? 'finishing' : `about ${duration(p.secondsLeft)} left`}`;
}

function duration(s: number): string {
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min${s % 60 ? ` ${s % 60} s` : ''}`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
