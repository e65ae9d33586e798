/**
 * Positions of the built-in kinds in every kind registry (part of the contract: `createKindRegistry`
 * users start from the built-in list, which begins with them): a registry always starts with them, in
 * this order, so a holder's kind (`LoadTable.holderKind`) and a physics owner are plain numbers.
 */
export const KindIndex = { Robot: 0, Load: 1, Station: 2 } as const;
export type KindIndex = (typeof KindIndex)[keyof typeof KindIndex];
