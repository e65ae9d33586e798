import { button, el } from './dom.ts';
import type { EditorCanvas } from './editor-canvas.ts';
import type { EditorTool } from './editor-tool.ts';
import { calibratePlan, imagePointAt, placePlan, type FloorPlan, type ImagePoint } from './floor-plan.ts';

/** What the floor-plan panel needs from the editor. */
export interface PlanHost {
  readonly canvas: EditorCanvas;
  /** Floor width in metres (a new plan spans it). */
  floorWidthM(): number;
  say(text: string | null): void;
  setTool(tool: EditorTool): void;
  readonly tool: EditorTool;
}

/**
 * The floor plan traced under the grid: the file input that loads it, its side-panel section
 * (show-through strength, two reference points and their distance, move, remove) and the state
 * the canvas draws.
 */
export class FloorPlanPanel {
  readonly element = el('div', { class: 'editor-plan' });
  /** The plan and its decoded image, or null. */
  plan: { plan: FloorPlan; image: HTMLImageElement } | null = null;
  /** Reference points picked on the image (at most two). */
  refPoints: ImagePoint[] = [];

  constructor(private readonly host: PlanHost) {}

  /** The "Floor plan" file input. */
  input(): HTMLElement {
    const input = el('input', { type: 'file', id: 'editor-plan-file', accept: 'image/png,image/jpeg' });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) void this.load(file);
      input.value = '';
    });
    return el('label', { class: 'file', title: 'a floor plan image (PNG or JPEG) to trace under the grid' }, 'Floor plan ', input);
  }

  /** Puts an image under the grid, first spanning the floor's width; says why when it cannot be read. */
  async load(file: Blob & { name?: string }): Promise<boolean> {
    const name = file.name ?? 'floor plan';
    const image = new Image();
    const url = URL.createObjectURL(file);
    try {
      image.src = url;
      await image.decode();
    } catch {
      this.host.say(`${name} is not an image the browser can read (PNG or JPEG)`);
      URL.revokeObjectURL(url);
      return false;
    }
    this.host.say(null);
    this.plan = { plan: placePlan(name, image.naturalWidth, image.naturalHeight, this.host.floorWidthM()), image };
    this.refPoints = [];
    this.render();
    return true;
  }

  /** Applies a new placement of the plan (scale, position, opacity) and redraws. */
  set(plan: FloorPlan): void {
    if (!this.plan) return;
    this.plan = { ...this.plan, plan };
    this.render();
  }

  /** Records a reference point at a floor position (metres); the newest two are kept. */
  addRefPoint(xM: number, zM: number): void {
    if (!this.plan) return;
    this.refPoints = [...this.refPoints, imagePointAt(this.plan.plan, xM, zM)].slice(-2);
    this.render();
  }

  /** Redraws the plan on the canvas and rebuilds the panel. */
  render(): void {
    this.host.canvas.setOverlay({ plan: this.plan, refPoints: this.refPoints });
    const p = this.plan;
    if (!p) {
      this.element.replaceChildren();
      return;
    }
    const opacity = el('input', { type: 'range', min: '0', max: '1', step: '0.05', id: 'editor-plan-opacity' });
    opacity.value = String(p.plan.opacity);
    opacity.addEventListener('input', () => this.set({ ...this.plan!.plan, opacity: Number(opacity.value) }));
    const distance = el('input', { type: 'number', min: '0', step: 'any', id: 'editor-plan-distance', placeholder: 'm' });
    const apply = button('Apply scale', () => this.applyScale(Number(distance.value)), { id: 'editor-plan-apply' });
    apply.disabled = this.refPoints.length < 2;
    const pick = button(
      'Pick 2 points',
      () => {
        this.refPoints = [];
        this.host.setTool({ kind: 'plan-ref' });
        this.render();
      },
      { 'data-tool': 'plan-ref', title: 'click two points on the plan whose real distance you know' },
    );
    const move = button('Move plan', () => this.host.setTool({ kind: 'plan-move' }), { 'data-tool': 'plan-move', title: 'drag the plan under the grid' });
    const remove = button('Remove', () => {
      this.plan = null;
      this.refPoints = [];
      this.render();
    });
    this.element.replaceChildren(
      el('h2', { text: 'Floor plan' }),
      el('p', {
        class: 'hint',
        text: `${p.plan.name}: ${p.plan.widthPx} × ${p.plan.heightPx} px, ${(p.plan.mPerPx * 1000).toFixed(1)} mm a pixel, traced only (not saved in the file)`,
      }),
      el('label', {}, 'show through', opacity),
      el('div', { class: 'fleet-row' }, pick, move, remove),
      el('label', {}, `A–B distance (${this.refPoints.length}/2 points)`, distance),
      apply,
    );
    this.host.setTool(this.host.tool);
  }

  private applyScale(distanceM: number): void {
    try {
      this.set(calibratePlan(this.plan!.plan, this.refPoints[0]!, this.refPoints[1]!, distanceM));
      this.refPoints = [];
      this.host.say(null);
      this.render();
    } catch (error) {
      this.host.say(error instanceof Error ? error.message : String(error));
    }
  }
}
