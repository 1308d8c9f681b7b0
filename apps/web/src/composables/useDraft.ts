/**
 * Keeps a form's text in localStorage while it is being written (UX.md "Forms forgive"), so a
 * closed tab or an expired session does not lose a report. The key names the user and the
 * record; `clear()` after a successful submit.
 */
import { watch } from 'vue'

export function useDraft<T extends object>(key: string, model: T) {
  /** Restores a saved draft into `model`; true when there was one. */
  function restore(): boolean {
    try {
      const saved = localStorage.getItem(key)
      if (!saved) return false
      Object.assign(model, JSON.parse(saved) as Partial<T>)
      return true
    } catch {
      return false
    }
  }

  function clear(): void {
    try {
      localStorage.removeItem(key)
    } catch {
      // Storage disabled: nothing was kept.
    }
  }

  const stop = watch(
    () => JSON.stringify(model),
    (text) => {
      try {
        localStorage.setItem(key, text)
      } catch {
        // Storage full or disabled: the draft lives for this page only.
      }
    },
  )

  return { restore, clear, stop }
}
