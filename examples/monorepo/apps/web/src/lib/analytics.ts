export function trackOutbound(host: string): void {
  globalThis.dispatchEvent?.(new CustomEvent('outbound-link', { detail: { host } }));
}
