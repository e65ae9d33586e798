/** The dev server's event when a file in `robots/controllers/`, `robots/policies/` or a user's controller folder (`testfield open --controllers DIR`) is added, changed or removed. */
const CONTROLLERS_CHANGED_EVENT = 'testfield:controllers-changed';

/**
 * Runs `refresh` whenever the dev server (`npm start`, `testfield open`) reports a new, changed or removed controller
 * or policy file (`bench/cli/open/user-controllers-plugin.ts`, wired in `vite.config.ts`). Workers get no HMR
 * of their own, so the page replaces its worker, which imports the fresh catalogue. No-op in a build.
 */
export function onControllersChanged(refresh: (file: string) => void): void {
  import.meta.hot?.on(CONTROLLERS_CHANGED_EVENT, (data: { file?: string }) => refresh(data?.file ?? ''));
}
