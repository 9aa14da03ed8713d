// The core's layers, enforced at lint time (ESLint rule `layers/no-upward-import`). A folder of src/ may import
// from its own layer and those below it, never from one above:
//
//   3  api, cli, host (and src/index.ts)     the hosts' side: handlers, the command line, the local server
//   2  draft, form, export, store, audit, trainer
//   1  rules, import, rewrite, config
//   0  engine, document                      pure reading and checking of text
//
// The API contract (src/api/contract.ts) is a leaf the core below it never imports. The renderer may import
// src/api and the engine's public types only (its own rule in eslint.config.js).
import path from 'node:path';

export const LAYERS = {
  engine: 0,
  document: 0,
  rules: 1,
  import: 1,
  rewrite: 1,
  config: 1,
  draft: 2,
  form: 2,
  export: 2,
  store: 2,
  audit: 2,
  trainer: 2,
  api: 3,
  cli: 3,
  host: 3,
};

/** The layer of a file under src/, by its first folder; src/index.ts is the top. */
function layerOf(file, srcDir) {
  const rel = path.relative(srcDir, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const [first, ...rest] = rel.split(path.sep);
  if (!rest.length) return { name: first, rank: 3 };
  return first in LAYERS ? { name: first, rank: LAYERS[first] } : undefined;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'A folder of src/ imports only from its own layer and those below it.' },
    messages: { upward: "src/{{from}} (layer {{fromRank}}) may not import from src/{{to}} (layer {{toRank}}): move the shared part down, or pass it in." },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const srcDir = path.resolve(context.cwd, 'src');
    const from = layerOf(file, srcDir);
    if (!from) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = layerOf(path.resolve(path.dirname(file), source), srcDir);
      if (to && to.rank > from.rank) context.report({ node, messageId: 'upward', data: { from: from.name, fromRank: from.rank, to: to.name, toRank: to.rank } });
    };
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
      TSImportType: (n) => {
        const lit = n.argument?.literal ?? n.argument;
        if (lit?.type === 'Literal') check(n, lit.value);
      },
    };
  },
};

export default { rules: { 'no-upward-import': rule } };
