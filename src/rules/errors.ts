/** Rule-file problems, each naming the file, line and field. No dependencies, so hosts can catch it cheaply. */
export interface RuleProblem {
  file: string;
  line?: number;
  field: string;
  message: string;
}

export class RuleLoadError extends Error {
  constructor(readonly problems: RuleProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'RuleLoadError';
  }
}

export function formatProblem(p: RuleProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.field || '(file)'}: ${p.message}`;
}
