import { describe, expect, it } from 'vitest';
import { hostCatalog } from '../../robots/index.ts';
import { findScenario } from '../../scenarios/index.ts';
import { LAYOUT_LEGEND, validateScenario } from '../../sim/index.ts';
import { blankScenario, parseFloorSize } from '../../web/editor/blank-scenario.ts';
import { EditorDoc, type EditableSpec } from '../../web/editor/editor-doc.ts';
import { cellsBetween } from '../../web/editor/editor-pointer.ts';
import { asEditableSpec, fileNameFor } from '../../web/editor/editable-spec.ts';
import { calibratePlan, floorPointOf, imagePointAt, placePlan } from '../../web/editor/floor-plan.ts';
import { issueLocation } from '../../web/editor/issue-location.ts';
import { brushesFor, brushOf, LANE_BRUSH, laneCharFor } from '../../web/editor/palette.ts';
import { newThing, rotatedPath } from '../../web/editor/thing-templates.ts';
import { moveChanges, placedThings, unplacedThings } from '../../web/editor/placed-things.ts';
import { scenarioFileText } from '../../web/editor/scenario-file-text.ts';
import { LANE_BY_DRAG, SMALL_G2P_ROWS } from '../e2e/editor-floor.ts';

describe('layout editor model', () => {
  it('undo then redo every step of a drawing gives back the identical file at each end', () => {
    const doc = new EditorDoc(blankScenario(20, 12));
    const blank = doc.text();
    const texts = [blank];
    doc.fillRect({ row: 2, col: 1 }, { row: 2, col: 17 }, '>');
    texts.push(doc.text());
    doc.fillRect({ row: 3, col: 2 }, { row: 4, col: 7 }, 'R');
    texts.push(doc.text());
    // One stroke of the brush is one step, however many cells it paints.
    doc.beginStroke();
    for (const c of cellsBetween({ row: 9, col: 2 }, { row: 9, col: 8 })) doc.paint(c, 'P');
    doc.endStroke();
    texts.push(doc.text());
    doc.set(['fleet', 0, 'count'], 2);
    texts.push(doc.text());
    doc.set(['orders', 'ratePerHour'], 300);
    texts.push(doc.text());
    expect(new Set(texts).size).toBe(texts.length);
    for (let i = texts.length - 2; i >= 0; i--) {
      expect(doc.undo()).toBe(true);
      expect(doc.text()).toBe(texts[i]);
    }
    expect(doc.undo()).toBe(false);
    for (let i = 1; i < texts.length; i++) {
      expect(doc.redo()).toBe(true);
      expect(doc.text()).toBe(texts[i]);
    }
    expect(doc.redo()).toBe(false);
    // A new edit after an undo drops the redo branch.
    doc.undo();
    doc.paint({ row: 10, col: 10 }, 'C');
    expect(doc.canRedo).toBe(false);
    expect(doc.charAt(10, 10)).toBe('C');
  });

  it('a painting that changes nothing leaves no undo step; painting outside the grid is ignored', () => {
    const doc = new EditorDoc(blankScenario(10, 6));
    expect(doc.paint({ row: 0, col: 0 }, '#')).toBe(false);
    expect(doc.paint({ row: 6, col: 0 }, '.')).toBe(false);
    doc.beginStroke();
    doc.paint({ row: 1, col: 1 }, '.');
    doc.endStroke();
    expect(doc.canUndo).toBe(false);
  });

  it('resizes keeping the north-west part with a wall border', () => {
    const doc = new EditorDoc(blankScenario(6, 4));
    doc.paint({ row: 1, col: 1 }, 'R');
    doc.resize(8, 5);
    expect(doc.spec.layout.rows).toEqual(['########', '#R.....#', '#......#', '#......#', '########']);
    doc.undo();
    expect(doc.spec.layout.rows).toEqual(['######', '#R...#', '#....#', '######']);
  });

  it('draws the e2e floor on a blank 20 × 12 into a scenario that validates, and a blank one names what is missing', () => {
    const blank = blankScenario(20, 12);
    expect(
      validateScenario(blank, hostCatalog)
        .map((i) => i.path)
        .sort(),
    ).toEqual(['fleet[0].count', 'layout.rows', 'layout.rows']);
    const doc = new EditorDoc(blank);
    SMALL_G2P_ROWS.forEach((line, row) => [...line].forEach((ch, col) => doc.paint({ row, col }, ch)));
    expect(doc.spec.layout.rows).toEqual(SMALL_G2P_ROWS);
    expect(validateScenario(JSON.parse(doc.text()), hostCatalog)).toEqual([]);
  });
});

describe('scenario file text', () => {
  it('puts top-level keys in a fixed order, layout rows one a line, and reads back as the same spec', () => {
    const spec = findScenario('warehouse/g2p-small')!;
    const shuffled = Object.fromEntries(Object.entries(structuredClone(spec)).reverse());
    const text = scenarioFileText(shuffled);
    expect(text).toBe(scenarioFileText(structuredClone(spec) as Record<string, unknown>));
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(spec)));
    const lines = text.split('\n');
    expect(Object.keys(JSON.parse(text))).toEqual(['id', 'title', 'description', 'stresses', 'layout', 'fleet', 'orders', 'physics', 'horizonSec', 'seed']);
    for (const [r, row] of spec.layout.rows.entries()) {
      const suffix = r === spec.layout.rows.length - 1 ? '' : ',';
      expect(lines).toContain(`      ${JSON.stringify(row)}${suffix}`);
    }
    expect(text.endsWith('}\n')).toBe(true);
    expect(lines.every((l) => l.length <= 120 || l.trim().startsWith('"'))).toBe(true);
  });

  it('keeps $schema first and the assembly line readable', () => {
    const spec = { ...structuredClone(findScenario('production/assembly-line')!), $schema: './scenario.schema.json' } as Record<string, unknown>;
    const text = scenarioFileText(spec);
    expect(text.startsWith('{\n  "$schema": "./scenario.schema.json",\n  "id": "production/assembly-line@1",')).toBe(true);
    expect(text).toContain('{ "name": "B1", "capacity": 4, "position": { "xM": 15.25, "zM": 8.2 } }');
  });
});

describe('editor helpers', () => {
  it('finds the cell, row or thing a problem names', () => {
    expect(issueLocation({ path: 'layout.rows[0][5]', message: 'the layout must be enclosed by walls (#) on every border cell' })).toEqual({
      kind: 'cell',
      row: 0,
      col: 5,
    });
    expect(issueLocation({ path: 'fleet[0].spawnCells[2]', message: 'cell (row 3, col 5) is a rack pod (R); robots must spawn on floor' })).toEqual({
      kind: 'cell',
      row: 3,
      col: 5,
    });
    expect(issueLocation({ path: 'layout.rows[4]', message: 'row has 9 cells but row 0 has 10' })).toEqual({ kind: 'row', row: 4 });
    expect(issueLocation({ path: 'line.machines[1].from', message: 'no source or buffer named "B9"' })).toEqual({
      kind: 'thing',
      section: 'line.machines',
      index: 1,
    });
    expect(issueLocation({ path: 'conveyors[0].photoEyes[1]', message: 'beyond' })).toEqual({ kind: 'thing', section: 'conveyors', index: 0 });
    expect(issueLocation({ path: 'horizonSec', message: 'expected a number' })).toEqual({ kind: 'none' });
  });

  it('has a named, coloured brush for every character of the simulation legend', () => {
    const legend = Object.fromEntries(Object.entries(LAYOUT_LEGEND).map(([ch, e]) => [ch, e.meaning]));
    const brushes = brushesFor(legend);
    expect(brushes.map((b) => b.ch).sort()).toEqual(Object.keys(LAYOUT_LEGEND).sort());
    for (const b of brushes) expect(b.color, `brush ${b.ch}`).not.toBe('#f0f');
    expect(brushOf('?').color).toBe('#f0f');
  });

  it('moves a machine and a conveyor in 5 cm steps', () => {
    const spec = structuredClone(findScenario('production/assembly-line')!);
    const things = placedThings(spec);
    expect(things.filter((t) => t.section === 'line.machines').map((t) => t.name)).toEqual(['M1', 'M2', 'M3']);
    const m2 = things.find((t) => t.name === 'M2')!;
    expect(moveChanges(spec, m2, 1.98, 0.01)).toEqual([{ path: ['line', 'machines', 1, 'position'], value: { xM: 18, zM: 7.2 } }]);
    const c1 = things.find((t) => t.section === 'conveyors' && t.name === 'C1')!;
    expect(moveChanges(spec, c1, 0.5, 0)).toEqual([{ path: ['conveyors', 0, 'path'], value: { from: { x: 11.6, z: 7.2 }, to: { x: 14.3, z: 7.2 } } }]);
  });

  it('reads floor sizes and refuses files it cannot draw', () => {
    expect(parseFloorSize('20x12')).toEqual({ cols: 20, rows: 12 });
    expect(parseFloorSize('20 × 12')).toEqual({ cols: 20, rows: 12 });
    expect(parseFloorSize('2x12')).toBeNull();
    expect(parseFloorSize('')).toBeNull();
    expect(asEditableSpec([], 'a.json')).toEqual({ ok: false, message: 'a.json does not hold a scenario: expected a JSON object' });
    expect(asEditableSpec({ layout: { rows: [1] } }, 'b.json')).toEqual({
      ok: false,
      message: 'b.json has no layout to draw: layout.rows must be a list of ASCII rows',
    });
    expect(asEditableSpec(blankScenario(5, 5), 'c.json').ok).toBe(true);
    expect(fileNameFor({ id: 'warehouse/g2p-small@1' })).toBe('warehouse-g2p-small.json');
    expect(fileNameFor({} as EditableSpec)).toBe('scenario.json');
  });

  it('adds machines, buffers and conveyors with free names, and rotates a conveyor about its middle', () => {
    const spec = structuredClone(findScenario('production/assembly-line')!);
    expect(newThing(spec, 'line.buffers', 12.02, 8.49)).toEqual({
      path: ['line', 'buffers', 2],
      value: { name: 'B3', capacity: 4, position: { xM: 12, zM: 8.5 } },
      index: 2,
    });
    expect(newThing(spec, 'line.machines', 3, 4).value).toMatchObject({ name: 'M4', from: 'PARTS', to: 'OUT' });
    const conveyor = newThing(spec, 'conveyors', 5, 6);
    expect(conveyor.value).toMatchObject({ id: 'C3', path: { from: { x: 4, z: 6 }, to: { x: 6, z: 6 } } });
    expect(rotatedPath({ from: { x: 4, z: 6 }, to: { x: 6, z: 6 } })).toEqual({ from: { x: 5, z: 5 }, to: { x: 5, z: 7 } });
    // The added thing makes a valid scenario where its references resolve.
    const withBuffer = structuredClone(spec) as unknown as Record<string, { buffers: unknown[] }>;
    withBuffer.line!.buffers.push(newThing(spec, 'line.buffers', 12, 8.5).value);
    expect(validateScenario(withBuffer, hostCatalog)).toEqual([]);
  });

  it('lays one-way lanes in the direction of a drag', () => {
    expect(LANE_BRUSH.ch).toBe(LANE_BY_DRAG);
    expect(laneCharFor(0, 5)).toBe('>');
    expect(laneCharFor(0, -5)).toBe('<');
    expect(laneCharFor(-3, 1)).toBe('^');
    expect(laneCharFor(4, 0)).toBe('v');
    expect(laneCharFor(0, 0)).toBeNull();
  });

  it('scales a floor plan by two reference points, keeping the first where it was', () => {
    const plan = placePlan('hall.png', 400, 200, 20);
    expect(plan.mPerPx).toBe(0.05);
    const a = { px: 100, py: 50 };
    const b = { px: 100, py: 150 };
    const anchored = floorPointOf(plan, a);
    const scaled = calibratePlan({ ...plan, xM: 1.5, zM: -2 }, a, b, 25);
    expect(scaled.mPerPx).toBe(0.25);
    const before = floorPointOf({ ...plan, xM: 1.5, zM: -2 }, a);
    expect(floorPointOf(scaled, a).xM).toBeCloseTo(before.xM, 12);
    expect(floorPointOf(scaled, a).zM).toBeCloseTo(before.zM, 12);
    const bM = floorPointOf(scaled, b);
    expect(Math.hypot(bM.xM - before.xM, bM.zM - before.zM)).toBeCloseTo(25, 12);
    expect(imagePointAt(plan, anchored.xM, anchored.zM)).toEqual(a);
    expect(() => calibratePlan(plan, a, a, 5)).toThrow('the two reference points are the same point: pick two points apart');
    expect(() => calibratePlan(plan, a, b, 0)).toThrow('the distance between the points must be a positive number of metres, not 0');
  });

  it('lists the things of a logical line laid out in flow order, and one placed is drawn and still valid', () => {
    const spec = structuredClone(findScenario('production/flow-line')!) as unknown as { line: Record<string, Array<{ position?: unknown }>> };
    expect(placedThings(spec)).toHaveLength(11);
    for (const list of Object.values(spec.line)) for (const thing of list) delete thing.position;
    const doc = new EditorDoc(spec as unknown as EditableSpec);
    const unplaced = unplacedThings(doc.spec);
    expect(unplaced.map((t) => t.name)).toEqual(['M1', 'M2', 'M3', 'M4', 'M5', 'B1', 'B2', 'B3', 'B4', 'SRC', 'SINK']);
    expect(placedThings(doc.spec)).toEqual([]);
    doc.set(['line', 'machines', 2, 'position'], { xM: 4, zM: 2.5 });
    expect(unplacedThings(doc.spec).map((t) => t.name)).not.toContain('M3');
    expect(placedThings(doc.spec)).toEqual([{ section: 'line.machines', index: 2, name: 'M3', xM: 4, zM: 2.5 }]);
    expect(validateScenario(JSON.parse(doc.text()), hostCatalog)).toEqual([]);
  });
});
