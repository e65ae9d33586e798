/** The dev server's event when a file in `robots/controllers/` or `robots/policies/` is added, changed or removed. */
export const CONTROLLERS_CHANGED_EVENT = 'testfield:controllers-changed';

/**
 * Runs `refresh` whenever the dev server (`npm start`) reports a new, changed or removed controller
 * or policy file (the `testfield-controller-watch` plugin in `vite.config.ts`). Workers get no HMR
 * of their own, so the page replaces its worker, which imports the fresh catalogue. No-op in a build.
 */
export function onControllersChanged(refresh: (file: string) => void): void {
  import.meta.hot?.on(CONTROLLERS_CHANGED_EVENT, (data: { file?: string }) => refresh(data?.file ?? ''));
}
