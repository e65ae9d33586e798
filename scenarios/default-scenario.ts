/** The scenario the test field opens by default (its own module: the page names it before anything else loads). */
export const DEFAULT_SCENARIO = 'warehouse/g2p-small';
