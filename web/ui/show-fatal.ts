/** Shows why the test field could not start, in the banner (or as the whole page without one). */
export function showFatal(error: unknown): void {
  const banner = document.getElementById('banner');
  const message = error instanceof Error ? error.message : String(error);
  if (banner) {
    banner.hidden = false;
    banner.className = 'error';
    banner.textContent = `The test field could not start: ${message}`;
  } else {
    document.body.textContent = `The test field could not start: ${message}`;
  }
}
