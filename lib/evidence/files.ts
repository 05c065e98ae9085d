/** The files of one capture and how they are served; kept apart from the capturer so the web bundle stays small. */
export const EVIDENCE_FILES = ['screenshot.png', 'page.html', 'page.txt', 'manifest.json'] as const;
export type EvidenceFileName = (typeof EVIDENCE_FILES)[number] | 'sheet.pdf';

export const CONTENT_TYPES: Record<EvidenceFileName, string> = {
  'screenshot.png': 'image/png',
  'page.html': 'text/html; charset=utf-8',
  'page.txt': 'text/plain; charset=utf-8',
  'manifest.json': 'application/json',
  'sheet.pdf': 'application/pdf',
};

