/**
 * The cause of an event message: its numbers replaced by `N`, so "robot 3 is lifting" and
 * "robot 7 is lifting" count as one cause (the bench's tallies and the page's grouped event list).
 */
export function causeOf(message: string): string {
  return message.replace(/-?\d+(\.\d+)?/g, 'N').slice(0, 300);
}
