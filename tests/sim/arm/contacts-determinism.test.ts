import { describe, expect, it } from 'vitest';
import { armHost, armSpec, scripted, UR_SUCTION } from './arm-helpers.ts';

const cmd = (kind: string, extra: Record<string, unknown> = {}) => ({ thing: 'arm', id: 0, kind, ...extra });
const at = (xM: number, yM: number, zM: number, yawDeg = 0) => ({ pose: { xM, yM, zM, yawDeg } });
const contacts = (events: { type: string }[]) => events.filter((e) => e.type === 'contact.began') as unknown as Array<{ kind: string; a: string; b: string }>;

describe('arm links are real Rapier bodies', () => {
  it('an arm stretched into a wall produces a static/arm contact', async () => {
    const host = await armHost(armSpec([{ ...UR_SUCTION, base: { xM: 1.5, yM: 0.5, zM: 4 } }]), {
      cellController: scripted([cmd('moveJ', { jointsRad: [0, 0, 0, 0, 0, 0] })]),
    });
    const events = contacts(host.advance(30 * 4).events);
    expect(events).toContainEqual(expect.objectContaining({ kind: 'static/arm', b: 'arm:0' }));
  });

  it('an arm swung into a robot produces a robot/arm contact', async () => {
    const host = await armHost(armSpec([{ ...UR_SUCTION, base: { xM: 2.3, yM: 0, zM: 1.5 } }]), {
      cellController: scripted([cmd('moveJ', { jointsRad: [0, 0, 0, 0, 0, 0] })]),
    });
    const events = contacts(host.advance(30 * 4).events);
    expect(events).toContainEqual(expect.objectContaining({ kind: 'robot/arm', a: 'robot:0', b: 'arm:0' }));
  });
});

describe('arm determinism', () => {
  const BOX = { xM: 4.5, zM: 4.2, sizeM: [0.1, 0.1, 0.1], massKg: 0.5 };
  const carry = () =>
    scripted([
      cmd('moveP', at(4.5, 0.2, 4.2)),
      cmd('moveL', at(4.5, 0.099, 4.2)),
      cmd('grasp'),
      cmd('moveL', at(4.5, 0.3, 4.2)),
      cmd('moveP', at(3.4, 0.3, 3.8, 45)),
    ]);

  it('same scenario and seed ⇒ the same state hash; snapshot mid-carry → restore ⇒ the uninterrupted hash', async () => {
    const a = await armHost(armSpec([UR_SUCTION], [BOX]), { cellController: carry() });
    const b = await armHost(armSpec([UR_SUCTION], [BOX]), { cellController: carry() });
    a.advance(30 * 6);
    b.advance(30 * 6);
    expect(a.hash()).toBe(b.hash());
    // Find a tick in the last move with the box held, snapshot there.
    const c = await armHost(armSpec([UR_SUCTION], [BOX]), { cellController: carry() });
    const t = c.state.things.arm as unknown as { phase: Uint8Array; holdKind: Int32Array; commandsDone: Int32Array };
    while (!(t.commandsDone[0] === 4 && t.phase[0] === 1 && t.holdKind[0]! >= 0)) c.advance(1);
    c.advance(5);
    const snap = structuredClone(c.snapshot());
    const restored = await armHost(armSpec([UR_SUCTION], [BOX]), { cellController: scripted([]) });
    restored.restore(snap);
    const end = 30 * 8;
    c.advance(end - c.tick);
    restored.advance(end - restored.tick);
    a.advance(end - a.tick);
    expect(restored.hash()).toBe(c.hash());
    expect(c.hash()).toBe(a.hash());
  });
});
