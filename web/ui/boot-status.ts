/**
 * What the page shows before its first frame: the scenario's name and "loading physics…", painted
 * with the page's first paint (`index.html` holds the text; this fills in the name from the
 * address), and taken away once the first frame is drawn (`testfield:first-frame`) or the banner
 * has something to say instead (a refused scenario, a start-up failure).
 */
import { DEFAULT_SCENARIO } from '../../scenarios/default-scenario.ts';

/** The scenario the address asks for, as a reader would name it (a file by its name). */
export function requestedScenario(search: string): string {
  const asked = new URLSearchParams(search).get('scenario');
  if (!asked) return DEFAULT_SCENARIO;
  return asked.endsWith('.json') ? asked.slice(asked.lastIndexOf('/') + 1) : asked;
}

/** Names the scenario in the boot status and hides the status at the first frame or the first banner. */
export function showBootStatus(): void {
  const status = document.getElementById('boot-status');
  const name = document.getElementById('boot-scenario');
  if (!status || !name) return;
  name.textContent = requestedScenario(location.search);
  const hide = () => {
    status.hidden = true;
    marks.disconnect();
    banner.disconnect();
  };
  const marks = new PerformanceObserver((list) => {
    if (list.getEntriesByName('testfield:first-frame').length > 0) hide();
  });
  marks.observe({ type: 'mark', buffered: true });
  const bannerEl = document.getElementById('banner');
  const banner = new MutationObserver(() => {
    if (bannerEl && !bannerEl.hidden) hide();
  });
  if (bannerEl) banner.observe(bannerEl, { attributes: true, attributeFilter: ['hidden'] });
}
