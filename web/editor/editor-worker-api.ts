import type { SpecIssue } from '../../sim/page-api.ts';

/** What the editor's checking worker offers (all methods async on the main thread). */
export interface EditorWorkerApi {
  /** Registered scenario ids (unversioned names) and the robot models a fleet may name. */
  catalog(): Promise<{ scenarios: string[]; robotModels: string[]; layoutLegend: Record<string, string> }>;
  /** The authored spec of a registered scenario (`warehouse/g2p-small` or `…@1`), or null. */
  specOf(id: string): Promise<unknown>;
  /** Every problem of a spec, exactly as `bench validate` reports them; empty when it runs. */
  check(spec: unknown): Promise<SpecIssue[]>;
}
