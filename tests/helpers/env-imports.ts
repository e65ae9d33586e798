/** What the env tests import, through the folders' index files. */
export { createEnv, createParallelEnv, sampleSpace, whyNotIn } from '../../robots/index.ts';
export { createRootRng } from '../../sim/index.ts';
