import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVIDENCE_FILES, type CaptureManifest, type PageCapturer } from '../evidence/page-capture';

/**
 * Captures any web address on request into `outDir` (screenshot.png, page.html, page.txt, manifest.json) with the
 * same capturer the pipeline uses. Files are written only after the whole capture succeeded, so a failed capture
 * leaves nothing half-written behind.
 */
export async function captureUrlToDirectory(capturer: Pick<PageCapturer, 'capture'>, url: string, outDir: string, timeZone: string): Promise<{ manifest: CaptureManifest; files: string[] }> {
  const page = await capturer.capture(url, { timeZone });
  mkdirSync(outDir, { recursive: true });
  const files = EVIDENCE_FILES.map((name) => {
    const path = join(outDir, name);
    writeFileSync(path, page.files[name]);
    return path;
  });
  return { manifest: page.manifest, files };
}
