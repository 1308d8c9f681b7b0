import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

/** The phone layout's breakpoint: below it the staff app is laid out for a phone (issue 19). */
export const PHONE_QUERY = '(max-width: 767px)'

/** A narrow desktop (a tablet, a half screen): the top bar shows icons only. */
export const NARROW_QUERY = '(max-width: 1099px)'

function matches(media: string): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(media).matches
    : false
}

/**
 * True while the window matches `media` (by default: narrower than the phone breakpoint);
 * follows rotation and resizing.
 */
export function usePhone(media = PHONE_QUERY): Ref<boolean> {
  const phone = ref(matches(media))
  let query: MediaQueryList | undefined
  const update = (): void => {
    phone.value = query?.matches ?? false
  }
  onMounted(() => {
    if (typeof window.matchMedia !== 'function') return
    query = window.matchMedia(media)
    update()
    query.addEventListener('change', update)
  })
  onBeforeUnmount(() => query?.removeEventListener('change', update))
  return phone
}
