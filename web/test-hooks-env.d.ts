/** Defined by `bench/cli/open/test-hooks-mode.ts`: true only where the end-to-end tests build or serve the page. */
interface ImportMetaEnv {
  readonly TESTFIELD_TEST_HOOKS: boolean;
}
