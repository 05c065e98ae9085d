// Placeholder entry point; replaced by the real handler wiring lib/app.
export const handler = async (): Promise<{ ok: boolean }> => ({ ok: true });
