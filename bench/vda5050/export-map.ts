import { CellKind, type SimModel } from '../../sim/index.ts';
import { robotRows } from '../../sim/index.ts';
import { stationRows } from '../../sim/index.ts';
import { loadRows } from '../../sim/index.ts';
import { createMapFrame, nodeIdOf, nodeXY, type MapFrame } from './map-frame.ts';

const KIND_NAMES: Record<number, string> = {
  [CellKind.Floor]: 'floor',
  [CellKind.Rack]: 'rack',
  [CellKind.Station]: 'station',
  [CellKind.Charger]: 'charger',
  [CellKind.Spawn]: 'spawn',
  [CellKind.OneWay]: 'one-way',
  [CellKind.ToteRack]: 'tote-stand',
};

/** The map frame of a compiled scenario (its id is the `mapId`). */
export function mapFrameOf(model: SimModel): MapFrame {
  return createMapFrame(model.id, model.roadmap, model.grid);
}

/** Edge id of the roadmap edge `from → to`. */
export function edgeIdOf(from: number, to: number): string {
  return `e${from}-${to}`;
}

/**
 * The layout for a fleet manager, in Testfield's plain form: every roadmap node (`n<k>`, map-frame
 * x/y in metres, what stands there) and every directed roadmap edge (`e<from>-<to>`, length).
 * Order edges may also join two nodes further apart along one row or column (a straight run).
 */
export function exportMapJson(model: SimModel) {
  const frame = mapFrameOf(model);
  const map = model.roadmap;
  const nodes = [];
  const edges = [];
  for (let n = 0; n < map.nodeCount; n++) {
    const { x, y } = nodeXY(frame, n);
    nodes.push({ nodeId: nodeIdOf(n), x, y, kind: KIND_NAMES[map.nodeKind[n]!] ?? 'floor' });
    for (let e = map.edgeStart[n]!; e < map.edgeStart[n + 1]!; e++) {
      const to = map.edgeTarget[e]!;
      edges.push({ edgeId: edgeIdOf(n, to), startNodeId: nodeIdOf(n), endNodeId: nodeIdOf(to), lengthM: map.cellM });
    }
  }
  return {
    mapId: frame.mapId,
    frame: "x east, y north, metres from the layout's south-west corner; theta counter-clockwise from +x, radians",
    cellM: map.cellM,
    widthM: frame.cols * map.cellM,
    depthM: frame.depthM,
    loads: loadRows.things(model).map((l) => ({ loadId: `load-${l.id}`, loadType: l.kind, nodeId: nodeIdOf(l.homeNode) })),
    stations: stationRows.things(model).map((s) => ({ stationId: `station-${s.id}`, nodeId: nodeIdOf(s.node) })),
    chargers: robotRows.fields(model).chargerNodes.map((n) => nodeIdOf(n)),
    nodes,
    edges,
  };
}

/**
 * The same layout in the VDMA Layout Interchange Format (LIF 1.0 shape: one layout, one vehicle
 * type per robot model, stations with their interaction nodes).
 */
export function exportMapLif(model: SimModel, createdAt: string) {
  const plain = exportMapJson(model);
  const vehicleTypes = [...new Set(robotRows.things(model).map((r) => r.model.id))];
  return {
    metaInformation: { projectIdentification: model.id, creator: 'Testfield', exportTimestamp: createdAt, lifVersion: '1.0.0' },
    layouts: [
      {
        layoutId: model.id,
        layoutName: model.spec.title ?? model.id,
        layoutVersion: '1',
        layoutLevelId: '0',
        layoutDescription: plain.frame,
        nodes: plain.nodes.map((n) => ({
          nodeId: n.nodeId,
          nodeName: `${n.kind} ${n.nodeId}`,
          mapId: plain.mapId,
          nodePosition: { x: n.x, y: n.y },
          vehicleTypeNodeProperties: vehicleTypes.map((vehicleTypeId) => ({ vehicleTypeId, actions: [] })),
        })),
        edges: plain.edges.map((e) => ({
          edgeId: e.edgeId,
          startNodeId: e.startNodeId,
          endNodeId: e.endNodeId,
          vehicleTypeEdgeProperties: vehicleTypes.map((vehicleTypeId) => ({
            vehicleTypeId,
            orientationType: 'TANGENTIAL',
            rotationAllowed: true,
            actions: [],
          })),
        })),
        stations: plain.stations.map((s) => ({ stationId: s.stationId, interactionNodeIds: [s.nodeId], stationName: s.stationId })),
      },
    ],
  };
}
