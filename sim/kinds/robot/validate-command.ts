import type { SimModel } from '../../model/sim-model.ts';
import { robotRows } from './robot-columns.ts';
import { hasEdge } from '../../model/roadmap.ts';
import type { RobotCommand } from '../../control/types.ts';

const KINDS = new Set(['hold', 'drive', 'follow', 'goto', 'lift', 'drop', 'dock', 'relocate', 'assign', 'unassign']);

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The robot a command addresses, if it names a valid one. */
export function commandRobot(model: SimModel, command: unknown): number | null {
  const robot = (command as { robot?: unknown } | null)?.robot;
  return isInt(robot) && robot >= 0 && robot < robotRows.things(model).length ? robot : null;
}

/**
 * Structural validation of one command against the model: returns the reason it is invalid,
 * or null. State-dependent checks (is there a load to lift?) happen when it is applied.
 */
export function validateCommand(model: SimModel, command: unknown): string | null {
  if (typeof command !== 'object' || command === null) return `command is ${command === null ? 'null' : typeof command}, not an object`;
  const c = command as Partial<RobotCommand> & Record<string, unknown>;
  if (typeof c.kind !== 'string' || !KINDS.has(c.kind)) return `unknown command kind ${JSON.stringify(c.kind)}`;
  if (!isInt(c.robot)) return `robot must be an integer id, got ${JSON.stringify(c.robot)}`;
  if (c.robot < 0 || c.robot >= robotRows.things(model).length) return `unknown robot ${c.robot} (fleet has ${robotRows.things(model).length})`;
  const spec = robotRows.things(model)[c.robot]!.model;
  const nodes = model.roadmap.nodeCount;
  switch (c.kind) {
    case 'drive': {
      const { linearMps, angularRps } = c as { linearMps: unknown; angularRps: unknown };
      if (!isFiniteNumber(linearMps)) return `drive.linearMps is ${String(linearMps)}, not a finite number`;
      if (!isFiniteNumber(angularRps)) return `drive.angularRps is ${String(angularRps)}, not a finite number`;
      if (Math.abs(linearMps) > spec.maxSpeedMps + 1e-9) return `drive.linearMps ${linearMps} exceeds the model's ${spec.maxSpeedMps} m/s`;
      if (Math.abs(angularRps) > spec.maxTurnRps + 1e-9) return `drive.angularRps ${angularRps} exceeds the model's ${spec.maxTurnRps} rad/s`;
      return null;
    }
    case 'goto': {
      const node = (c as { node: unknown }).node;
      if (!isInt(node) || node < 0 || node >= nodes) return `goto.node ${JSON.stringify(node)} is not a roadmap node (0..${nodes - 1})`;
      return null;
    }
    case 'follow': {
      const { path, notBeforeTick } = c as { path: unknown; notBeforeTick: unknown };
      if (!Array.isArray(path) || path.length === 0) return 'follow.path must be a non-empty array of node ids';
      for (let k = 0; k < path.length; k++) {
        const node = path[k];
        if (!isInt(node) || node < 0 || node >= nodes) return `follow.path[${k}] ${JSON.stringify(node)} is not a roadmap node`;
        if (k > 0 && path[k - 1] !== node && !hasEdge(model.roadmap, path[k - 1] as number, node)) {
          return `follow.path[${k}]: no roadmap edge ${path[k - 1]} → ${node} (not adjacent, or against a one-way lane)`;
        }
      }
      const cap = (c as { maxSpeedMps?: unknown }).maxSpeedMps;
      if (cap !== undefined && (!isFiniteNumber(cap) || cap <= 0)) return `follow.maxSpeedMps is ${String(cap)}, not a speed > 0 m/s`;
      if (notBeforeTick !== undefined) {
        if (!Array.isArray(notBeforeTick) || notBeforeTick.length !== path.length) return 'follow.notBeforeTick must have one tick per path node';
        if (!notBeforeTick.every(isInt)) return 'follow.notBeforeTick must hold integer ticks';
      }
      return null;
    }
    case 'relocate': {
      const { node, headingX, headingZ } = c as { node: unknown; headingX: unknown; headingZ: unknown };
      if (!isInt(node) || node < 0 || node >= nodes) return `relocate.node ${JSON.stringify(node)} is not a roadmap node (0..${nodes - 1})`;
      if (!isFiniteNumber(headingX) || !isFiniteNumber(headingZ))
        return `relocate.headingX/headingZ must be finite numbers, got ${String(headingX)}, ${String(headingZ)}`;
      if (headingX * headingX + headingZ * headingZ < 1e-12) return 'relocate heading (headingX, headingZ) must not be zero';
      return null;
    }
    case 'assign': {
      const task = (c as { task: unknown }).task;
      if (!isInt(task) || task < 0) return `assign.task ${JSON.stringify(task)} is not a task id`;
      return null;
    }
    default:
      return null;
  }
}
