/**
 * Mounting for component and composable tests: the app's own i18n (zh-CN, as users see it first)
 * and a fresh Pinia, attached to the document so Element Plus's teleported parts are found.
 */
import { mount, type ComponentMountingOptions } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, type Component } from 'vue'
import { i18n } from '@/i18n'

export function mountApp<C extends Component>(
  component: C,
  options: ComponentMountingOptions<C> = {},
) {
  const pinia = createPinia()
  setActivePinia(pinia)
  return mount(component, {
    attachTo: document.body,
    ...options,
    global: { ...options.global, plugins: [i18n, pinia, ...(options.global?.plugins ?? [])] },
  } as ComponentMountingOptions<C>)
}

/** Runs a composable inside a component's setup (it may use useI18n), and returns what it gave. */
export function withSetup<T>(composable: () => T): T {
  let result!: T
  mountApp(
    defineComponent({
      setup() {
        result = composable()
        return () => null
      },
    }),
  )
  return result
}
