export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Peak resident set size of this process so far, in MiB (maxRSS is in KiB). */
export function peakRssMiB() {
  return process.resourceUsage().maxRSS / 1024;
}
