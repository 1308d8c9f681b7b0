/**
 * Latest answer wins: of the reads started through one `useLatest`, only the newest may change
 * the page. An older request that resolves (or fails) after a newer one started is ignored, so
 * a fast typist, a quick filter change or a switch to another record never shows the answer of
 * the previous question. `loading` and `error` belong to the newest read.
 */
import { ref, shallowRef } from 'vue'

export function useLatest() {
  const loading = ref(false)
  const error = shallowRef<unknown>(null)
  let generation = 0

  /**
   * Starts `task` as the newest read. When it resolves and is still the newest, `apply` gets its
   * answer; when it fails and is still the newest, the failure goes to `fail` (by default into
   * `error`). Resolves true when the answer was applied.
   */
  async function run<R>(
    task: () => Promise<R>,
    apply: (answer: R) => void,
    fail: (cause: unknown) => void = (cause) => {
      error.value = cause
    },
  ): Promise<boolean> {
    const mine = ++generation
    loading.value = true
    error.value = null
    try {
      const answer = await task()
      if (mine !== generation) return false
      apply(answer)
      return true
    } catch (cause) {
      if (mine === generation) fail(cause)
      return false
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  /** Drops whatever is in flight (there is nothing to ask any more, e.g. no record chosen). */
  function cancel(): void {
    generation++
    loading.value = false
    error.value = null
  }

  return { loading, error, run, cancel }
}
