/** The router and its guard: sign-in first, then the role check, then the page title. */
import { ElMessage } from 'element-plus'
import {
  createRouter,
  createWebHistory,
  type RouteLocationNormalized,
  type Router,
} from 'vue-router'
import { i18n } from '@/i18n'
import { safeRedirect } from '@/lib/redirect'
import { useSessionStore } from '@/stores/session'
import { routes } from './routes'

/** `<page> - 督察整改管理系统` in the current language. */
export function documentTitle(titleKey: string | undefined): string {
  const t = i18n.global.t
  return titleKey ? `${t(titleKey)} - ${t('app.name')}` : t('app.name')
}

/**
 * Starts fetching the lazy components (`() => import(...)`) of the routes `to` matches; the
 * router imports the same modules once the guards pass, and gets them from the module cache.
 * A failed fetch is left to the router, which reports it when it imports the module itself.
 */
function preloadComponents(to: RouteLocationNormalized): void {
  for (const record of to.matched) {
    for (const component of Object.values(record.components ?? {})) {
      if (typeof component !== 'function' || 'displayName' in component || 'props' in component)
        continue
      void (component as () => Promise<unknown>)().catch(() => undefined)
    }
  }
}

/** Starts the first reads of the routes `to` matches that declare one (`meta.prefetch`). */
function prefetchData(to: RouteLocationNormalized): void {
  for (const record of to.matched) record.meta.prefetch?.(to)
}

export function createAppRouter(): Router {
  const router = createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  })

  router.beforeEach(async (to) => {
    const session = useSessionStore()
    if (!session.isAuthenticated) {
      // The page's code loads while the session is restored, not after it, and its first data
      // is asked for as soon as a token is held, beside /me rather than after the render.
      if (session.resumable()) {
        // The refresh goes out before the page's files: the browser keeps six connections to
        // the host, and a refresh queued behind the files would hold up the page's data.
        void session
          .ensureAccess()
          .then((held) => held && prefetchData(to))
          .catch(() => undefined)
        preloadComponents(to)
      }
      await session.restore()
    }

    if (to.meta.public) {
      if (to.name === 'login' && session.isAuthenticated) {
        return safeRedirect(to.query.redirect) ?? { name: 'home' }
      }
      return true
    }
    if (!session.isAuthenticated) {
      return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
    }
    if (to.meta.feature && !session.mayRead(to.meta.feature)) {
      ElMessage({ type: 'warning', message: i18n.global.t('forbidden') })
      return { name: 'home' }
    }
    return true
  })

  router.afterEach((to) => {
    document.title = documentTitle(to.meta.titleKey)
  })

  return router
}
