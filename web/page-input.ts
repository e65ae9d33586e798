import type { LoadedScenarioFile } from './scenario/load-scenario-file.ts';
import type { SceneView } from './render/scene-view.ts';
import type { LoadOptions, LoadOutcome } from './shared/protocol.ts';
import type { SimClient, Speed } from './streams/sim-client.ts';
import type { Banner } from './ui/banner.ts';
import type { MachineHistory } from './ui/machine-history.ts';
import { byId, FILE_SCENARIO, type Toolbar } from './ui/toolbar.ts';

/** What the input wiring drives on the page (the `App` has it). */
export interface InputPage {
  readonly client: Pick<SimClient, 'playing' | 'step'>;
  readonly toolbar: Toolbar;
  readonly banner: Banner;
  readonly view: Pick<SceneView, 'showHeatmap' | 'resize' | 'pick' | 'pickThing'>;
  readonly machineHistory: Pick<MachineHistory, 'show'>;
  /** The scenario file loaded last; the pickers reload it while the scenario picker shows it. */
  readonly file: LoadedScenarioFile | null;
  setPlaying(playing: boolean): void;
  setSpeed(speed: Speed): void;
  reload(): unknown;
  openEditor(): Promise<void>;
  load(options: LoadOptions): Promise<LoadOutcome>;
  selectRobot(robot: number): void;
}

/**
 * Wires the page's input: the toolbar's buttons and pickers (a changed scenario, controller,
 * cell controller or seed loads a new episode), Space to play or pause, window resizes, and a
 * click on the canvas (a robot follows it, a machine shows its history).
 */
export function wirePageInput(page: InputPage): void {
  const tb = page.toolbar;
  tb.play.addEventListener('click', () => page.setPlaying(!page.client.playing));
  tb.step.addEventListener('click', () => {
    page.setPlaying(false);
    void page.client.step(1);
  });
  tb.reset.addEventListener('click', () => void page.reload());
  tb.edit.addEventListener(
    'click',
    () =>
      void page
        .openEditor()
        .catch((e: unknown) => page.banner.show('error', `The layout editor failed to open: ${e instanceof Error ? e.message : String(e)}`)),
  );
  tb.speed.addEventListener('change', () => page.setSpeed(tb.readSpeed()));
  tb.heatmap.addEventListener('change', () => {
    page.view.showHeatmap(tb.heatmap.checked);
  });
  const reloadFromPickers = () => {
    const seed = Math.max(0, Math.floor(Number(tb.seed.value) || 0));
    const cell = tb.cellController.value ? { cellController: tb.cellController.value } : {};
    const file = page.file ? (page.file.opened !== undefined ? { opened: page.file.opened } : { spec: page.file.spec }) : null;
    if (tb.scenario.value === FILE_SCENARIO && file) void page.load({ ...file, controller: tb.controller.value, seed, ...cell });
    else if (tb.scenario.value !== FILE_SCENARIO) void page.load({ scenario: tb.scenario.value, controller: tb.controller.value, seed, ...cell });
  };
  tb.scenario.addEventListener('change', reloadFromPickers);
  tb.controller.addEventListener('change', reloadFromPickers);
  tb.cellController.addEventListener('change', reloadFromPickers);
  tb.seed.addEventListener('change', reloadFromPickers);
  window.addEventListener('resize', () => page.view.resize());
  window.addEventListener('keydown', (e) => {
    if (e.code === 'Space' && !(e.target instanceof HTMLInputElement)) {
      e.preventDefault();
      page.setPlaying(!page.client.playing);
    }
  });
  const canvas = byId<HTMLCanvasElement>('canvas');
  let down: { x: number; y: number } | null = null;
  canvas.addEventListener('pointerdown', (e) => (down = { x: e.clientX, y: e.clientY }));
  canvas.addEventListener('pointerup', (e) => {
    if (!down || Math.hypot(e.clientX - down.x, e.clientY - down.y) > 5) return;
    const robot = page.view.pick(e.clientX, e.clientY);
    if (robot >= 0) page.selectRobot(robot);
    else {
      const thing = page.view.pickThing(e.clientX, e.clientY);
      if (thing?.kind === 'machine') page.machineHistory.show(thing.id);
    }
  });
}
