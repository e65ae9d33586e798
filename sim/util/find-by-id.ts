/**
 * The item with `id` in a list sorted by ascending `id`, or undefined: a binary search, so no
 * per-tick index needs building (sim tasks and observed tasks are both kept in id order).
 */
export function findById<T extends { readonly id: number }>(items: readonly T[], id: number): T | undefined {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid]!;
    if (item.id === id) return item;
    if (item.id < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
