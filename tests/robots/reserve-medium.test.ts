import { spawn } from 'node:child_process';
import { robotRows } from '../../sim/index.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.ts';
import { makeHost } from '../helpers/make-host.ts';

const MINUTES = 30;
const MAX_DEADLOCK_SEC = 60;

/** `bench run` in a child process (runs on the other core meanwhile); resolves to its JSON result. */
function benchRun(controller: string): Promise<{ kpis: { ordersDelivered: number } }> {
  const out = join(tempDir('med'), 'r.json');
  const child = spawn(
    'npx',
    [
      'tsx',
      'bench/cli/cli.ts',
      'run',
      'warehouse/g2p-medium',
      '--seed',
      '7',
      '--robots',
      '100',
      '--minutes',
      String(MINUTES),
      '--controller',
      controller,
      '--json',
      out,
    ],
    { stdio: 'ignore' },
  );
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(readFileSync(out, 'utf8'))) : reject(new Error(`bench run exited ${code}`))));
  });
}

describe('the default controller on g2p-medium, 100 robots, 30 simulated minutes', () => {
  it("has no robot-robot collision, no deadlock over 60 s, and at least twice greedy's deliveries", async () => {
    const greedy = benchRun('greedy');
    const host = await makeHost({ scenario: 'warehouse/g2p-medium', controller: 'reserve', seed: 7, overrides: { robots: 100, minutes: MINUTES } });
    const hz = host.model.hz;
    /** Open deadlocks: the cycle, when its wait began and where each member stood. A cycle is broken once any member moves. */
    const open: Array<{ sinceTick: number; nodes: Map<number, number> }> = [];
    let longestSec = 0;
    let deadlocks = 0;
    const nodeOf = (i: number) => Math.floor(robotRows.table(host.state).posZ[i]!) * 1000 + Math.floor(robotRows.table(host.state).posX[i]!);
    while (!host.done) {
      for (const e of host.advance(hz).events) {
        if (e.type !== 'deadlock.detected') continue;
        deadlocks += 1;
        open.push({ sinceTick: e.tick - Math.round(e.waitedSec * hz), nodes: new Map(e.robots.map((r) => [r, nodeOf(r)])) });
      }
      for (let k = open.length - 1; k >= 0; k--) {
        const d = open[k]!;
        longestSec = Math.max(longestSec, (host.tick - d.sinceTick) / hz);
        if ([...d.nodes].some(([robot, node]) => nodeOf(robot) !== node)) open.splice(k, 1);
      }
    }
    const kpis = host.kpis();
    const baseline = await greedy;
    console.log(
      `reserve: ${kpis.ordersDelivered} delivered, ${deadlocks} deadlocks (longest ${longestSec.toFixed(1)} s); greedy: ${baseline.kpis.ordersDelivered}`,
    );
    expect(kpis.collisions.robotRobot).toBe(0);
    expect(longestSec).toBeLessThanOrEqual(MAX_DEADLOCK_SEC);
    expect(kpis.ordersDelivered).toBeGreaterThanOrEqual(2 * baseline.kpis.ordersDelivered);
    expect(kpis.ordersDelivered).toBeGreaterThan(100);
  }, 1_200_000);
});
