#!/usr/bin/env node
// `npm start`: the desktop app arrives with the desktop-app issue. Until then say so plainly and show the CLI.
process.stdout.write(
  'NRM Referral Checker: the desktop window is not built yet in this version.\n' +
    'Check a draft from the command line instead:\n' +
    '  npm run check -- test/fixtures/sample-draft.txt\n',
);
