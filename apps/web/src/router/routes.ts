/**
 * The route table, written out by hand. Views load lazily. `meta.feature` decides who may open a
 * route (lib/access.ts), `meta.titleKey` names it in the title bar and the breadcrumb, and
 * `meta.parent` puts a detail page under its list in the breadcrumb.
 */
import type { RouteLocationNormalized, RouteRecordRaw } from 'vue-router'
import type { Feature } from '@/lib/access'
import type { MenuGroupKey } from './menu'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean
    /** The part of the SPA the route belongs to; the guard checks the role may read it. */
    feature?: Feature
    /** i18n key of the page title. */
    titleKey?: string
    /** The menu group the page sits in, shown in the breadcrumb. */
    group?: MenuGroupKey
    /** Name of the list route a detail page belongs to. */
    parent?: string
    /**
     * Asks for the page's first data while a reload restores the session and loads the page's
     * code (router/index.ts), instead of after the page has rendered; the view takes the answer.
     */
    prefetch?: (to: RouteLocationNormalized) => void
  }
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/LoginView.vue'),
    meta: { public: true, titleKey: 'nav.login' },
  },
  // The public board (整改公开): no login, its own plain layout and chunks, none of the admin's.
  {
    path: '/public',
    component: () => import('@/components/public/PublicLayout.vue'),
    meta: { public: true },
    children: [
      {
        path: '',
        name: 'public-problems',
        component: () => import('@/views/public/PublicListView.vue'),
        meta: { public: true, titleKey: 'publicBoard.nav.list' },
      },
      {
        path: 'problems/:id',
        name: 'public-problem',
        component: () => import('@/views/public/PublicProblemView.vue'),
        meta: { public: true, titleKey: 'publicBoard.nav.list' },
      },
      {
        path: 'notices',
        name: 'public-notices',
        component: () => import('@/views/public/PublicNoticesView.vue'),
        meta: { public: true, titleKey: 'publicBoard.nav.notices' },
      },
      {
        path: 'report',
        name: 'public-report',
        component: () => import('@/views/public/PublicReportView.vue'),
        meta: { public: true, titleKey: 'publicBoard.nav.report' },
      },
      {
        path: 'lookup',
        name: 'public-lookup',
        component: () => import('@/views/public/PublicLookupView.vue'),
        meta: { public: true, titleKey: 'publicBoard.nav.lookup' },
      },
      {
        path: 'petitions',
        name: 'public-petitions',
        component: () => import('@/views/public/PublicPetitionsView.vue'),
        meta: { public: true, titleKey: 'publicBoard.nav.petitions' },
      },
      {
        path: 'institutions',
        name: 'public-institutions',
        component: () => import('@/views/public/PublicInstitutionsView.vue'),
        meta: { public: true, titleKey: 'publicBoard.nav.institutions' },
      },
    ],
  },
  {
    path: '/',
    component: () => import('@/components/layout/AppLayout.vue'),
    children: [
      {
        path: '',
        name: 'home',
        component: () => import('@/views/HomeView.vue'),
        meta: { feature: 'home', titleKey: 'nav.home' },
      },
      {
        path: 'problems',
        name: 'problems',
        component: () => import('@/views/ProblemListView.vue'),
        meta: {
          feature: 'ledger',
          titleKey: 'nav.problems',
          group: 'ledger',
          prefetch: (to) =>
            void import('@/stores/problems').then(({ useProblemsStore }) =>
              useProblemsStore().prefetch(to.query),
            ),
        },
      },
      {
        path: 'problems/:id',
        name: 'problem-detail',
        component: () => import('@/views/ProblemDetailView.vue'),
        meta: {
          feature: 'ledger',
          titleKey: 'nav.problemDetail',
          group: 'ledger',
          parent: 'problems',
        },
      },
      {
        path: 'problems/:id/plan',
        name: 'problem-plan',
        component: () => import('@/views/ProblemPlanView.vue'),
        meta: {
          feature: 'ledger',
          titleKey: 'nav.problemPlan',
          group: 'ledger',
          parent: 'problems',
        },
      },
      {
        path: 'problems/:id/reports/new',
        name: 'problem-report',
        component: () => import('@/views/ProblemReportView.vue'),
        meta: {
          feature: 'ledger',
          titleKey: 'nav.problemReport',
          group: 'ledger',
          parent: 'problems',
        },
      },
      {
        path: 'problems/:id/acceptance/new',
        name: 'acceptance-apply',
        component: () => import('@/views/AcceptanceApplyView.vue'),
        meta: {
          feature: 'ledger',
          titleKey: 'acceptanceNav.apply',
          group: 'ledger',
          parent: 'problems',
        },
      },
      {
        path: 'reviews',
        name: 'reviews',
        component: () => import('@/views/ReviewQueueView.vue'),
        meta: { feature: 'reviews', titleKey: 'nav.reviews', group: 'ledger' },
      },
      {
        path: 'rounds',
        name: 'rounds',
        component: () => import('@/views/RoundsView.vue'),
        meta: { feature: 'rounds', titleKey: 'nav.rounds', group: 'ledger' },
      },
      {
        path: 'institutions',
        name: 'institutions',
        component: () => import('@/views/InstitutionsView.vue'),
        meta: { feature: 'institutions', titleKey: 'institution.nav', group: 'ledger' },
      },
      {
        path: 'institutions/:id',
        name: 'institution-detail',
        component: () => import('@/views/InstitutionDetailView.vue'),
        meta: {
          feature: 'institutions',
          titleKey: 'institution.detail',
          group: 'ledger',
          parent: 'institutions',
        },
      },
      {
        path: 'dispatch/periods',
        name: 'dispatch-periods',
        component: () => import('@/views/DispatchPeriodsView.vue'),
        meta: { feature: 'dispatch', titleKey: 'dispatch.nav.periods', group: 'dispatch' },
      },
      {
        path: 'dispatch/periods/:id',
        name: 'dispatch-period',
        component: () => import('@/views/DispatchPeriodView.vue'),
        meta: {
          feature: 'dispatch',
          titleKey: 'dispatch.nav.periods',
          group: 'dispatch',
          parent: 'dispatch-periods',
        },
      },
      {
        path: 'dispatch/cards',
        name: 'cards',
        component: () => import('@/views/CardsView.vue'),
        meta: { feature: 'cards', titleKey: 'dispatch.nav.cards', group: 'dispatch' },
      },
      {
        path: 'dispatch/rankings',
        name: 'rankings',
        component: () => import('@/views/RankingsView.vue'),
        meta: { feature: 'rankings', titleKey: 'dispatch.nav.rankings', group: 'statistics' },
      },
      {
        // ECharts is imported by this view's chunk only (components/dashboard/echarts.ts).
        path: 'dashboard',
        name: 'dashboard',
        component: () => import('@/views/DashboardView.vue'),
        meta: { feature: 'dashboard', titleKey: 'dashboard.nav', group: 'statistics' },
      },
      {
        path: 'inspections',
        name: 'inspections',
        component: () => import('@/views/InspectionsView.vue'),
        meta: { feature: 'inspections', titleKey: 'inspection.nav', group: 'dispatch' },
      },
      {
        path: 'inspections/:id',
        name: 'inspection-detail',
        component: () => import('@/views/InspectionDetailView.vue'),
        meta: {
          feature: 'inspections',
          titleKey: 'inspection.detail',
          group: 'dispatch',
          parent: 'inspections',
        },
      },
      {
        path: 'notices',
        name: 'notices',
        component: () => import('@/views/NoticesView.vue'),
        meta: { feature: 'notices', titleKey: 'notice.nav', group: 'dispatch' },
      },
      {
        path: 'notices/:id',
        name: 'notice-detail',
        component: () => import('@/views/NoticeDetailView.vue'),
        meta: {
          feature: 'notices',
          titleKey: 'notice.detail',
          group: 'dispatch',
          parent: 'notices',
        },
      },
      {
        path: 'accountability',
        name: 'accountability',
        component: () => import('@/views/AccountabilityView.vue'),
        meta: {
          feature: 'accountability',
          titleKey: 'accountability.nav',
          group: 'accountability',
        },
      },
      {
        path: 'accountability/counts',
        name: 'accountability-counts',
        component: () => import('@/views/AccountabilityCountsView.vue'),
        meta: {
          feature: 'accountability',
          titleKey: 'accountability.countsNav',
          group: 'accountability',
        },
      },
      {
        path: 'accountability/new',
        name: 'accountability-new',
        component: () => import('@/views/AccountabilityFormView.vue'),
        meta: {
          feature: 'accountability',
          titleKey: 'accountability.createTitle',
          group: 'accountability',
          parent: 'accountability',
        },
      },
      {
        path: 'accountability/:id',
        name: 'accountability-detail',
        component: () => import('@/views/AccountabilityDetailView.vue'),
        meta: {
          feature: 'accountability',
          titleKey: 'accountability.detail',
          group: 'accountability',
          parent: 'accountability',
        },
      },
      {
        path: 'sweeps',
        name: 'sweeps',
        component: () => import('@/views/SweepsView.vue'),
        meta: { feature: 'sweeps', titleKey: 'sweep.nav', group: 'ledger' },
      },
      {
        path: 'sweeps/:id',
        name: 'sweep-detail',
        component: () => import('@/views/SweepDetailView.vue'),
        meta: { feature: 'sweeps', titleKey: 'sweep.detail', group: 'ledger', parent: 'sweeps' },
      },
      {
        path: 'accountability/:id/edit',
        name: 'accountability-edit',
        component: () => import('@/views/AccountabilityFormView.vue'),
        meta: {
          feature: 'accountability',
          titleKey: 'accountability.editTitle',
          group: 'accountability',
          parent: 'accountability',
        },
      },
      {
        path: 'petitions/batches',
        name: 'petition-batches',
        component: () => import('@/views/PetitionBatchesView.vue'),
        meta: { feature: 'petitionBatches', titleKey: 'petition.nav.batches', group: 'petitions' },
      },
      {
        path: 'petitions/batches/:id',
        name: 'petition-batch',
        component: () => import('@/views/PetitionBatchDetailView.vue'),
        meta: {
          feature: 'petitionBatches',
          titleKey: 'petition.nav.batchDetail',
          group: 'petitions',
          parent: 'petition-batches',
        },
      },
      {
        path: 'petitions',
        name: 'petitions',
        component: () => import('@/views/PetitionsView.vue'),
        meta: { feature: 'petitions', titleKey: 'petition.nav.cases', group: 'petitions' },
      },
      {
        path: 'petitions/:id',
        name: 'petition-detail',
        component: () => import('@/views/PetitionDetailView.vue'),
        meta: {
          feature: 'petitions',
          titleKey: 'petition.nav.caseDetail',
          group: 'petitions',
          parent: 'petitions',
        },
      },
      {
        path: 'acceptance/reviews',
        name: 'acceptance-reviews',
        component: () => import('@/views/AcceptanceQueueView.vue'),
        meta: { feature: 'acceptance', titleKey: 'acceptanceNav.reviews', group: 'acceptance' },
      },
      {
        path: 'acceptance/publicity',
        name: 'publicity',
        component: () => import('@/views/PublicityBoardView.vue'),
        meta: { feature: 'publicity', titleKey: 'acceptanceNav.publicity', group: 'acceptance' },
      },
      {
        path: 'acceptance/rebound-reviews',
        name: 'rebound-reviews',
        component: () => import('@/views/ReboundReviewsView.vue'),
        meta: { feature: 'rebound', titleKey: 'acceptanceNav.rebound', group: 'acceptance' },
      },
      {
        path: 'acceptance/public-reports',
        name: 'public-reports',
        component: () => import('@/views/PublicReportsView.vue'),
        meta: {
          feature: 'publicReports',
          titleKey: 'acceptanceNav.publicReports',
          group: 'acceptance',
        },
      },
      {
        path: 'acceptance/public-reports/:id',
        name: 'public-report-detail',
        component: () => import('@/views/PublicReportDetailView.vue'),
        meta: {
          feature: 'publicReports',
          titleKey: 'acceptanceNav.publicReportDetail',
          group: 'acceptance',
          parent: 'public-reports',
        },
      },
      {
        path: 'admin/calendar',
        name: 'calendar',
        component: () => import('@/views/CalendarView.vue'),
        meta: { feature: 'calendar', titleKey: 'acceptanceNav.calendar', group: 'system' },
      },
      {
        path: 'admin/units/:id?',
        name: 'units',
        component: () => import('@/views/UnitsView.vue'),
        meta: { feature: 'units', titleKey: 'nav.units', group: 'system' },
      },
      {
        path: 'admin/users',
        name: 'users',
        component: () => import('@/views/UsersView.vue'),
        meta: { feature: 'users', titleKey: 'nav.users', group: 'system' },
      },
      {
        path: 'admin/users/:id',
        name: 'user-detail',
        component: () => import('@/views/UserDetailView.vue'),
        meta: { feature: 'users', titleKey: 'nav.userDetail', group: 'system', parent: 'users' },
      },
      {
        path: 'admin/clients',
        name: 'clients',
        component: () => import('@/views/ClientsView.vue'),
        meta: { feature: 'clients', titleKey: 'nav.clients', group: 'system' },
      },
      {
        path: 'admin/clients/:id',
        name: 'client-detail',
        component: () => import('@/views/ClientDetailView.vue'),
        meta: {
          feature: 'clients',
          titleKey: 'nav.clientDetail',
          group: 'system',
          parent: 'clients',
        },
      },
      {
        path: 'admin/webhooks',
        name: 'webhooks',
        component: () => import('@/views/WebhooksView.vue'),
        meta: { feature: 'webhooks', titleKey: 'webhooks.nav', group: 'system' },
      },
      {
        path: 'admin/webhooks/:id',
        name: 'webhook-detail',
        component: () => import('@/views/WebhookDetailView.vue'),
        meta: {
          feature: 'webhooks',
          titleKey: 'webhooks.detail',
          group: 'system',
          parent: 'webhooks',
        },
      },
      {
        path: 'inbox',
        name: 'inbox',
        component: () => import('@/views/InboxView.vue'),
        meta: { feature: 'home', titleKey: 'inbox.nav' },
      },
      {
        path: 'audit',
        name: 'audit',
        component: () => import('@/views/AuditView.vue'),
        meta: { feature: 'audit', titleKey: 'nav.audit', group: 'system' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/views/NotFoundView.vue'),
        meta: { titleKey: 'nav.notFound' },
      },
    ],
  },
]
