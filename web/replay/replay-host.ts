import type { ScenarioSpecInput } from '../../sim/page-api.ts';
import type { SceneView } from '../render/scene-view.ts';
import type { LoadOutcome } from '../shared/protocol.ts';
import type { Speed } from '../streams/sim-client.ts';
import type { Banner } from '../ui/banner.ts';
import type { EventList } from '../ui/event-list.ts';
import type { KpiPanel } from '../ui/kpi-panel.ts';
import type { LinePanel } from '../line/line-panel.ts';
import type { Toolbar } from '../ui/toolbar.ts';

/**
 * What replay mode needs from the page that hosts it (the `App` implements it): the shared view
 * and panels, the live episode's controls, and the worker's `describe` to draw a recorded field.
 */
export interface ReplayHost {
  readonly view: SceneView;
  readonly banner: Banner;
  readonly toolbar: Toolbar;
  readonly eventList: EventList;
  readonly kpiPanel: KpiPanel;
  /** The live line's charts, hidden while a replay shows. */
  readonly linePanel: LinePanel;
  /** The speed picker's value; replays play at that multiple of real time (`max` = ×60). */
  readonly speed: Speed;
  /** Compiles a spec in the worker and returns its field without running it. */
  describe(spec: ScenarioSpecInput): Promise<LoadOutcome>;
  /** Pauses or resumes the live episode. */
  setPlaying(playing: boolean): void;
  /** Follows a robot; -1 clears the selection. */
  selectRobot(robot: number): void;
  /** Reloads the live episode (leaving replay mode). */
  reload(): unknown;
  /** Loads a scenario spec given as JSON text. */
  loadSpecText(text: string, name: string): Promise<void>;
  /** Opens dropped files as the live scenario (a scenario `.json`, a LoRR problem with its files, a `.map`). */
  openFiles(files: File[]): Promise<void>;
}
