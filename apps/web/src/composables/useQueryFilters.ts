/**
 * List filters that live in the URL. `applied` is parsed from the route query (the truth);
 * `draft` is what the filter bar edits; `apply()` pushes the draft into the URL, so the browser's
 * back button and a copied link both restore the same filtered list.
 */
import { reactive, shallowRef, watch } from 'vue'
import { useRoute, useRouter, type LocationQuery } from 'vue-router'
import { toLocationQuery } from '@/lib/query'

type Filters = Record<string, string | undefined>

export function useQueryFilters<F extends Filters>(parse: (query: LocationQuery) => F) {
  const route = useRoute()
  const router = useRouter()
  // Only this page's query counts: leaving the page changes the route before it unmounts.
  const routeName = route.name

  const applied = shallowRef<F>(parse(route.query))
  const draft = reactive({ ...applied.value }) as F

  watch(
    () => route.query,
    (query) => {
      if (route.name !== routeName) return
      const next = parse(query)
      if (JSON.stringify(next) === JSON.stringify(applied.value)) return
      applied.value = next
      // Keep the form in step when the URL changes by navigation (back button, a pasted link).
      Object.assign(draft, next)
    },
  )

  /**
   * Puts the draft filters into the URL (a new history entry). Resolves false when the URL
   * already said so, so the caller can reload the list itself ("search again").
   */
  async function apply(): Promise<boolean> {
    const query = toLocationQuery({ ...draft })
    if (JSON.stringify(parse(query)) === JSON.stringify(applied.value)) return false
    await router.push({ query })
    return true
  }

  /** Clears every filter. */
  function reset(): Promise<boolean> {
    for (const key of Object.keys(draft)) (draft as Filters)[key] = undefined
    return apply()
  }

  return { applied, draft, apply, reset }
}
