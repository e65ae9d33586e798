/** Distance (roadmap steps) standing for "unreachable". */
export const UNREACHABLE_STEPS = 0x3fffffff;
