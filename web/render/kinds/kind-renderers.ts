import { createArmRenderer } from './arm-renderer.ts';
import { createBufferRenderer } from './buffer-renderer.ts';
import { createConveyorRenderer } from './conveyor-renderer.ts';
import { createItemRenderer } from './item-renderer.ts';
import type { KindRenderContext, KindRenderer, KindRendererFactory } from './kind-renderer.ts';
import { createLoadRenderer } from './load-renderer.ts';
import { createMachineRenderer } from './machine-renderer.ts';
import { createMarkerRenderer } from './marker-renderer.ts';
import { createRobotRenderer } from './robot-renderer.ts';

/**
 * The page's renderer for each kind of thing, by kind id (as in the frame layout). A kind that
 * is not listed, or whose factory returns null, is drawn by the generic marker renderer when
 * its section has `x` and `z` fields, and not at all otherwise. Add a kind's renderer here.
 */
const KIND_RENDERERS: ReadonlyMap<string, KindRendererFactory> = new Map<string, KindRendererFactory>([
  ['robot', createRobotRenderer],
  ['load', createLoadRenderer],
  ['arm', createArmRenderer],
  ['machine', createMachineRenderer],
  ['buffer', createBufferRenderer],
  ['item', createItemRenderer],
  ['conveyor', createConveyorRenderer],
]);

/** The renderer of the context's kind: its registered one, else a marker renderer, else null. */
export function createKindRenderer(context: KindRenderContext, registry: ReadonlyMap<string, KindRendererFactory> = KIND_RENDERERS): KindRenderer | null {
  return registry.get(context.section.kind)?.(context) ?? createMarkerRenderer(context);
}
