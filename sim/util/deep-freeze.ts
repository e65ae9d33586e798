/**
 * Freezes a value and every plain object and array reachable from it, in place, and returns it.
 * Typed arrays (cannot be frozen) and maps (freezing does not stop `set`) are left as they are;
 * an already frozen object is taken as frozen all through.
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !ArrayBuffer.isView(value) && !(value instanceof Map)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
