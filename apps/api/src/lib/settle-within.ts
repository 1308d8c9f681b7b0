/**
 * Waits until `work` settles (fulfilled or rejected, its outcome ignored) or `ms` have passed,
 * whichever comes first; true when it settled. The timer is cleared either way, so nothing is
 * left to keep a closing process alive.
 */
export async function settleWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const settled = work.then(
    () => true,
    () => true,
  )
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)))
  try {
    return await Promise.race([settled, timedOut])
  } finally {
    clearTimeout(timer)
  }
}
