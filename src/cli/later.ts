/**
 * Every module the command line loads only when a command needs it, in one place. `nrm-check check` runs
 * without them: the DOCX, PDF and report writers and the form (the docx library alone is a large part of a
 * cold start), the SQLite history, the audit's worker pool, the explainer and the rule-example runner.
 */
export const later = {
  config: () => import('../config/find.js'),
  outputs: () => import('../draft/outputs.js'),
  audit: () => import('../audit/audit.js'),
  auditReport: () => import('../audit/report.js'),
  auditPace: () => import('../audit/pace.js'),
  store: () => import('../store/store.js'),
  storePaths: () => import('../store/paths.js'),
  explain: () => import('../engine/explain.js'),
  examples: () => import('../form/examples.js'),
  ruleFiles: () => import('../rules/load.js'),
};
