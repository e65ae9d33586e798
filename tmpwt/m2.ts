import { Worker } from 'node:worker_threads';
const file = new URL('./w.ts', import.meta.url).href;
const w = new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(file)}, ${JSON.stringify(import.meta.url)}))`, { eval: true });
w.on('message', (m) => { console.log(m); w.terminate(); });
w.on('error', (e) => console.log('err', e.message));
