import { Command } from 'commander';
import { scenarios } from '../../../scenarios/index.ts';
import type { ScenarioSpecInput } from '../../../sim/index.ts';

/** One line of `bench list`: id with version, title, what the scenario stresses. */
export interface ScenarioListing {
  id: string;
  title: string;
  stresses: string;
}

/** Every registered scenario, sorted by id; `stresses` falls back to the description. */
export function listScenarios(registry: Readonly<Record<string, ScenarioSpecInput>> = scenarios): ScenarioListing[] {
  return Object.values(registry)
    .map((spec) => ({ id: spec.id, title: spec.title, stresses: spec.stresses || spec.description || '' }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The listing as aligned columns under a header. */
export function formatScenarioList(rows: readonly ScenarioListing[]): string {
  const idWidth = Math.max(2, ...rows.map((r) => r.id.length));
  const titleWidth = Math.max(5, ...rows.map((r) => r.title.length));
  const line = (id: string, title: string, stresses: string) => `${id.padEnd(idWidth)}  ${title.padEnd(titleWidth)}  ${stresses}`.trimEnd();
  return [line('id', 'title', 'stresses'), ...rows.map((r) => line(r.id, r.title, r.stresses))].join('\n');
}

/** `bench list`: the registered scenarios. */
export function listCommand(): Command {
  return new Command('list').description('list the registered scenarios: id@version, title and what each stresses').action(() => {
    console.log(formatScenarioList(listScenarios()));
  });
}
