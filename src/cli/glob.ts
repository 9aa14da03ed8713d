/**
 * Expands file patterns the shell left alone (Windows shells, quoted arguments): `*` and `?` within a name,
 * `**` for any depth. Arguments without wildcards are returned as they are.
 */
import fs from 'node:fs';
import path from 'node:path';

function toRegExp(part: string): RegExp {
  return new RegExp('^' + part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
}

function walk(dir: string, parts: string[]): string[] {
  if (!parts.length) return [dir];
  const [head, ...rest] = parts;
  if (head === '**') {
    const here = walk(dir, rest);
    const deeper = list(dir)
      .filter((e) => e.isDirectory())
      .flatMap((e) => walk(path.join(dir, e.name), parts));
    return [...here, ...deeper];
  }
  if (!/[*?]/.test(head!)) return walk(path.join(dir, head!), rest);
  const re = toRegExp(head!);
  return list(dir)
    .filter((e) => re.test(e.name) && (rest.length === 0 ? e.isFile() : e.isDirectory()))
    .flatMap((e) => walk(path.join(dir, e.name), rest));
}

function list(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

export function expandGlobs(args: string[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    if (!/[*?]/.test(a)) {
      out.push(a);
      continue;
    }
    const abs = path.isAbsolute(a);
    const parts = a.split(/[\\/]/).filter((p, i) => p !== '' || i === 0);
    const root = abs ? path.parse(a).root : '.';
    const matches = walk(root, abs ? parts.slice(1) : parts)
      .filter((p) => fs.existsSync(p) && fs.statSync(p).isFile())
      .map((p) => (abs ? p : path.relative('.', p)))
      .sort();
    out.push(...(matches.length ? matches : [a]));
  }
  return out;
}
