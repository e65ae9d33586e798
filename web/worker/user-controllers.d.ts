/** The user's controller modules (`testfield open --controllers DIR`), served by `bench/cli/open/user-controllers-plugin.ts`: `[file name without extension, loader]`, imported one by one. */
declare module 'virtual:testfield/user-controllers' {
  const modules: ReadonlyArray<readonly [string, () => Promise<{ default?: unknown }>]>;
  export default modules;
}
