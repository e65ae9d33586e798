import type { VdaTopic } from './vda-messages.ts';

/** Where a vehicle's messages live on the broker, as VDA 5050 lays topics out. */
export interface TopicBase {
  /** First topic level, `uagv` unless the fleet says otherwise. */
  interfaceName: string;
  /** `v2` for VDA 5050 2.x. */
  majorVersion: string;
  manufacturer: string;
  serialNumber: string;
}

/** `<interfaceName>/<majorVersion>/<manufacturer>/<serialNumber>/<topic>`. */
export function topicOf(base: TopicBase, topic: VdaTopic): string {
  return `${base.interfaceName}/${base.majorVersion}/${base.manufacturer}/${base.serialNumber}/${topic}`;
}
