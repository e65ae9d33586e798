/** The page's machine and buffer renderers and the machine history, from a real flow-line frame (no browser). */
import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { frameLayout } from '../../../sim/index.ts';
import { MACHINE_STATE_COLORS } from '../../../web/render/kinds/machine-renderer.ts';
import { MovingLayer } from '../../../web/render/moving-layer.ts';
import type { SceneInfo } from '../../../web/shared/protocol.ts';
import { MachineHistory } from '../../../web/ui/machine-history.ts';
import { makeHost, runCollect } from '../../helpers/make-host.ts';

describe('line on the page', () => {
  it('draws machines coloured by state, buffers by fill, picks machines, and keeps each machine’s state history', async () => {
    const host = await makeHost({ scenario: 'production/flow-line' });
    const events = runCollect(host, 30 * 600);
    const sections = frameLayout(host.model);
    expect(sections.map((s) => s.kind)).toEqual(['source', 'machine', 'buffer', 'sink']);
    const info = {
      scenarioId: host.model.id,
      title: '',
      cols: 30,
      rows: 5,
      cellM: 1,
      cells: new Uint8Array(150),
      sections,
      kindInfo: {},
      hz: 30,
      horizonTicks: 1,
      seed: 1,
    } as unknown as SceneInfo;
    const layer = new MovingLayer(info);
    const frame = host.frame();
    layer.update(frame.sections);
    const machines = layer.group.getObjectByName('kind:machine') as THREE.InstancedMesh;
    const states = Array.from({ length: 5 }, (_, i) => frame.sections.machine![i * 5 + 2]!);
    const c = new THREE.Color();
    states.forEach((s, i) => {
      machines.getColorAt(i, c);
      expect(c.getHex()).toBe(new THREE.Color(Object.values(MACHINE_STATE_COLORS)[s]!).getHex());
    });
    const fills = layer.group.getObjectByName('buffer:fill') as THREE.InstancedMesh;
    const m = new THREE.Matrix4();
    const scale = new THREE.Vector3();
    for (let b = 0; b < 4; b++) {
      fills.getMatrixAt(b, m);
      m.decompose(new THREE.Vector3(), new THREE.Quaternion(), scale);
      const share = frame.sections.buffer![b * 4 + 2]! / frame.sections.buffer![b * 4 + 3]!;
      expect(scale.y).toBeCloseTo(Math.max(1e-3, share * 1.0), 5);
    }
    // Clicking: the machine renderer is pickable and names machine ids.
    const camera = new THREE.PerspectiveCamera(60, 1, 0.1, 100);
    const x = frame.sections.machine![5 * 2]!;
    const z = frame.sections.machine![5 * 2 + 1]!;
    camera.position.set(x, 10, z);
    camera.lookAt(x, 0, z);
    camera.updateMatrixWorld();
    const ray = new THREE.Raycaster();
    ray.setFromCamera(new THREE.Vector2(0, 0), camera);
    expect(layer.pick(ray)).toEqual({ kind: 'machine', id: 2 });
    // The history panel folds machine.state events and shows the selected machine's spells.
    const root = { hidden: true, innerHTML: '', querySelector: () => ({ addEventListener() {} }), querySelectorAll: () => [] } as unknown as HTMLElement;
    const history = new MachineHistory(root);
    history.add(events);
    history.setTime(600);
    history.show(1);
    expect(root.hidden).toBe(false);
    expect(root.innerHTML).toContain('Machine M2');
    expect(root.innerHTML).toContain('<dt>working</dt>');
    expect((root.innerHTML.match(/<span /g) ?? []).length).toBe(events.filter((e) => e.type === 'machine.state' && e.machine === 1).length + 1);
    layer.dispose();
    host.dispose();
  }, 60_000);
});
