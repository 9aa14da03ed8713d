/** A small argument parser for nrm-check: flags with values, repeatable flags, and positionals. */
export class UsageError extends Error {}

export interface Spec {
  values: readonly string[];
  repeatable: readonly string[];
  booleans: readonly string[];
}

export function parseArgs(argv: readonly string[], spec: Spec): { positional: string[]; opts: Map<string, string[]>; flags: Set<string> } {
  const positional: string[] = [];
  const opts = new Map<string, string[]>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i]!;
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('--') || a === '-') {
      positional.push(a);
      continue;
    }
    let v: string | undefined;
    const eq = a.indexOf('=');
    if (eq > 0) {
      v = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const name = a.slice(2);
    if (spec.booleans.includes(name)) {
      flags.add(name);
      continue;
    }
    if (!spec.values.includes(name) && !spec.repeatable.includes(name)) throw new UsageError(`unknown option ${a}`);
    if (v === undefined) {
      v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
    }
    const list = opts.get(name) ?? [];
    if (list.length && !spec.repeatable.includes(name)) throw new UsageError(`${a} given twice`);
    list.push(v);
    opts.set(name, list);
  }
  return { positional, opts, flags };
}
