import { describe, it } from 'vitest';
import { driveWithMasterController } from './master-control-drive.ts';
import { expectSpecBehaviour } from './spec-behaviour.ts';
import { hasMosquitto, MOSQUITTO_BIN, startMosquitto } from './mosquitto.ts';

describe.skipIf(!hasMosquitto())(
  `VDA 5050 over Debian's mosquitto (--broker; skipped only when ${MOSQUITTO_BIN} is not installed: apt-get install mosquitto)`,
  () => {
    it('the same MasterController drive passes against mosquitto started by the test', async () => {
      const broker = await startMosquitto();
      try {
        const d = await driveWithMasterController(broker.url);
        expectSpecBehaviour(d);
      } finally {
        await broker.stop();
      }
    }, 300_000);
  },
);
