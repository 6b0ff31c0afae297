/** p's answer, or undefined after ms, whichever comes first (the timer is cleared either way). */
export function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined
  return Promise.race([p, new Promise<undefined>((r) => (timer = setTimeout(r, ms)))]).finally(() => clearTimeout(timer))
}
