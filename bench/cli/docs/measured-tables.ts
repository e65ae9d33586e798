export function writeMeasuredTables(): string[] {
  return [];
}
