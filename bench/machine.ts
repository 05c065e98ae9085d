import os from 'node:os';

/** One line that says where a figure was measured. */
export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

/** Samples resident memory while `run` executes and returns the peak. */
export async function withPeakRss<T>(run: () => Promise<T>): Promise<{ result: T; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const result = await run();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakRssMb: peak / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

/** Replaces (or appends) the section between `<!-- name:start -->` and `<!-- name:end -->`, keeping the rest of the file. */
export function replaceSection(current: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${content.trim()}\n${end}`;
  const a = current.indexOf(start);
  const b = current.indexOf(end);
  if (a >= 0 && b > a) return `${current.slice(0, a)}${block}${current.slice(b + end.length)}`;
  return `${current.trimEnd()}\n\n${block}\n`;
}
