import { kpi } from '../../kind/kpi-meta.ts';
import type { SimEvent } from '../../events/sim-event.ts';
import type { KindKpis } from '../../kind/kind-def.ts';

interface PeopleAcc {
  sampled: boolean;
  minSeparationM: number;
  nearMisses: number;
  robotSecLost: number;
  contacts: number;
}

/**
 * People KPIs: `minRobotPersonSeparationM` (smallest gap between a robot and a person's body),
 * `nearMisses` (robots inside `people.nearMissM`), `robotTimeLostToPeopleSec` (robot-seconds slowed
 * or held by people), `robotPersonContacts`. Empty when the scenario has no people.
 */
export const personKpis: KindKpis<PeopleAcc> = {
  meta: {
    figures: {
      minRobotPersonSeparationM: kpi.amount('min robot-person separation', 'm', 2, 'higher'),
      nearMisses: kpi.count('near misses', 'lower'),
      robotTimeLostToPeopleSec: kpi.seconds('robot time lost to people'),
      robotPersonContacts: kpi.count('robot-person contacts', 'lower'),
    },
  },
  create: () => ({ sampled: false, minSeparationM: Infinity, nearMisses: 0, robotSecLost: 0, contacts: 0 }),
  reduce(acc, e: SimEvent) {
    if (e.type === 'people.sampled') {
      acc.sampled = true;
      acc.minSeparationM = Math.min(acc.minSeparationM, e.minSeparationM);
      acc.nearMisses = e.nearMisses;
      acc.robotSecLost = e.robotSecLost;
    } else if (e.type === 'contact.began' && e.kind === 'robot/person') {
      acc.contacts += 1;
    }
  },
  finalize(acc): Record<string, number> {
    if (!acc.sampled) return {};
    return {
      minRobotPersonSeparationM: Number.isFinite(acc.minSeparationM) ? acc.minSeparationM : -1,
      nearMisses: acc.nearMisses,
      robotTimeLostToPeopleSec: Math.round(acc.robotSecLost * 100) / 100,
      robotPersonContacts: acc.contacts,
    };
  },
};
