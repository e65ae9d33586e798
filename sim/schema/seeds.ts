/** The seed of a scenario that names none (and of imported problems without one). The one place it is written. */
export const DEFAULT_SEED = 1;

/**
 * The seed the built-in scenarios, the scenario generators, the editor's blank scenario and the page
 * (when the user picks none) run with. The one place it is written.
 */
export const EXAMPLE_SEED = 7;
