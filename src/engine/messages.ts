/** Message templates of rule files: `{match}` and `{suggestion}` placeholders. */

/**
 * Fills a message template. Where the fix is a deletion the clause naming the suggestion becomes "delete it";
 * where there is no suggestion it is dropped.
 */
export function fill(message: string, match: string, suggestion: string | undefined): string {
  let out = message.replace(/\{match\}/g, match.length > 60 ? match.slice(0, 57) + '…' : match);
  if (suggestion === undefined || suggestion === '') {
    out = out.replace(/[;:,]?\s*[^;:,.]*'\{suggestion\}'[^.;]*/, suggestion === '' ? '; delete it' : '');
    if (!/[.?]$/.test(out)) out += '.';
  }
  return out.replace(/\{suggestion\}/g, suggestion ?? '');
}
