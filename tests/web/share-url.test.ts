import { describe, expect, it } from 'vitest';
import { fileScenarioLabel, sharedViewUrl } from '../../web/ui/share-url.ts';

describe('the shareable page URL', () => {
  it('names scenario, controller, seed and speed, keeping other parameters', () => {
    const url = sharedViewUrl('http://localhost:5173/?paused=1&seed=3', { scenario: 'warehouse/sortation', controller: 'greedy', seed: 9, speed: 'max' });
    expect(url).toBe('http://localhost:5173/?paused=1&seed=9&scenario=warehouse%2Fsortation&controller=greedy&speed=max');
    expect(sharedViewUrl(url, { scenario: null, controller: 'reserve', seed: 1, speed: 4 })).toBe(
      'http://localhost:5173/?paused=1&seed=1&controller=reserve&speed=4',
    );
  });
  it('labels a scenario file by its id and title', () => {
    expect(fileScenarioLabel({ id: 'import/lorr-x@1', title: 'LoRR problem x' }, 'x.json')).toBe('import/lorr-x@1 — LoRR problem x (x.json)');
    expect(fileScenarioLabel([], 'y.json')).toBe('file — y.json');
  });
});
