/** The user's controller modules (`testfield open --controllers DIR`), served by `bench/open/user-controllers-plugin.ts`: `[file name without extension, module]`. */
declare module 'virtual:testfield/user-controllers' {
  const modules: ReadonlyArray<readonly [string, { default?: unknown }]>;
  export default modules;
}
