// The Next server's old-space cap. Without one V8 sizes the heap from the machine's memory and
// collects lazily: under load the server held 555-612 MB (bench/results, 2026-12-02 09:21). With
// 256 MB it held 370 MB (peak 393 MB) through the same load, at the same throughput
// (2026-12-02 13:04). An operator's own --max-old-space-size in NODE_OPTIONS wins.
export const DEFAULT_SERVER_HEAP_MB = 256;

/** NODE_OPTIONS for the Next server: the given options, with the default heap cap unless they set one. */
export function serverNodeOptions(nodeOptions: string | undefined, heapMb = DEFAULT_SERVER_HEAP_MB): string {
  const given = (nodeOptions ?? "").trim();
  if (/--max-old-space-size[=\s]/.test(given)) return given;
  return [given, `--max-old-space-size=${heapMb}`].filter(Boolean).join(" ");
}
