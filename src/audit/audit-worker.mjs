// Entry of an audit worker thread when running from source (CLI, browser host, tests): TypeScript is loaded
// through tsx. The desktop build replaces this file with a bundle of worker.ts of the same name.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
