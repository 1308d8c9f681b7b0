/** The router and its guard: sign-in first, then the role check, then the page title. */
import { ElMessage } from 'element-plus'
import { createRouter, createWebHistory, type Router } from 'vue-router'
import { i18n } from '@/i18n'
import { safeRedirect } from '@/lib/redirect'
import { useSessionStore } from '@/stores/session'
import { routes } from './routes'

/** `<page> - 督察整改管理系统` in the current language. */
export function documentTitle(titleKey: string | undefined): string {
  const t = i18n.global.t
  return titleKey ? `${t(titleKey)} - ${t('app.name')}` : t('app.name')
}

export function createAppRouter(): Router {
  const router = createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  })

  router.beforeEach(async (to) => {
    const session = useSessionStore()
    if (!session.isAuthenticated) await session.restore()

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
