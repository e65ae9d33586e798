import type { Banner } from '../ui/banner.ts';
import type { ReplayView } from './replay-view.ts';

/** Fetches and opens a replay (`?replay=URL`); a failed fetch is named in the banner, the live field plays on. */
export async function openReplayUrl(page: { readonly replay: Pick<ReplayView, 'open'>; readonly banner: Banner }, url: string): Promise<void> {
  const name = decodeURIComponent(url.split(/[?#]/)[0]!.split('/').pop() ?? url);
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
    await page.replay.open(new Uint8Array(await response.arrayBuffer()), name);
  } catch (error) {
    page.banner.show('error', `Cannot fetch replay ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
