// Entry of the lint worker thread when running from source (browser host, tests): TypeScript is loaded
// through tsx. The desktop build replaces this file with a bundle of lint-thread.ts of the same name.
import { register } from 'tsx/esm/api';

register();
await import('./lint-thread.ts');
