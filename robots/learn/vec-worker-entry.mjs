// Worker-thread entry of the vectorised env: a plain module that registers tsx's loader in this
// thread (hooks registered by the main thread do not reach workers' dynamic imports of .ts files),
// then imports the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./vec-worker.ts');
