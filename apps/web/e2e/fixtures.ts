/**
 * What every browser test shares. `world` creates the data a test needs through the REST API,
 * under unique names, as the administrator (the one account the run starts from); `openAs`
 * opens a page in a fresh browser context already signed in as an account (the tokens of one API
 * login put where the SPA keeps them, sessionStorage, which Playwright's storageState does not
 * carry), or signed out with `null`. Every page opened fails its test on an uncaught error.
 */
import { test as base, expect, type BrowserContextOptions, type Page } from '@playwright/test'
import type { Role, TokenPair, Unit, UnitKind } from '@rectify/schemas'
import { shanghaiDay as shanghaiDayFrom } from './ui.mjs'

/**
 * The account the run starts from: the administrator global-setup.ts made, or on E2E_BASE_URL
 * (unless told otherwise) the demo city's.
 */
const bootstrap = () => ({
  username: process.env.E2E_ADMIN_USERNAME ?? 'admin',
  password: process.env.E2E_ADMIN_PASSWORD ?? 'Rectify@2026',
})
/** The password of every account a test creates (it meets the default password policy). */
export const PASSWORD = 'E2e#Rectify2026'

const baseUrl = (): string => {
  const url = process.env.RECTIFY_E2E_URL
  if (!url)
    throw new Error('RECTIFY_E2E_URL is not set: run the tests through playwright.config.ts')
  return url
}

/** A failed API call, with its status and problem+json body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} → ${status} ${JSON.stringify(body)}`)
  }
}

/**
 * The REST API as one signed-in account (or anonymous). A signed-in Api renews its access token
 * with its refresh token a minute before it lapses, as the SPA does: the administrator's Api lives
 * as long as its worker, longer than one access token (ACCESS_TOKEN_TTL_SECONDS, at most 15 min).
 */
export class Api {
  private session: { refreshToken: string; renewAt: number } | undefined
  constructor(private token: string | null) {}

  static async login(username: string, password: string): Promise<{ api: Api; pair: TokenPair }> {
    const pair = await new Api(null).call<TokenPair>('POST', '/auth/login', { username, password })
    const api = new Api(null)
    api.hold(pair)
    return { api, pair }
  }

  private hold(pair: TokenPair): void {
    this.token = pair.accessToken
    this.session = {
      refreshToken: pair.refreshToken,
      renewAt: Date.now() + Math.max(pair.expiresIn - 60, (pair.expiresIn * 3) / 4) * 1000,
    }
  }

  /** Calls `/api/v1<route>`; throws ApiError unless the answer is 2xx. */
  async call<T = unknown>(
    method: string,
    route: string,
    body?: unknown,
    version?: number,
  ): Promise<T> {
    if (this.session && Date.now() >= this.session.renewAt) {
      const { refreshToken } = this.session
      this.session = undefined
      this.hold(await new Api(null).call<TokenPair>('POST', '/auth/refresh', { refreshToken }))
    }
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (this.token) headers.Authorization = `Bearer ${this.token}`
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    if (version !== undefined) headers['If-Match'] = `"${version}"`
    const send = () =>
      fetch(`${baseUrl()}/api/v1${route}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    let response = await send()
    // As the SPA does: a 503 ("unavailable, retry shortly": the embedded database reopening after
    // it stopped) committed nothing, and is sent again after its Retry-After, twice at most.
    for (let retry = 0; response.status === 503 && retry < 2; retry++) {
      const seconds = Number(response.headers.get('Retry-After')) || 1
      await new Promise((r) => setTimeout(r, Math.min(5, seconds) * 1000))
      response = await send()
    }
    const text = await response.text()
    const json: unknown = text ? JSON.parse(text) : undefined
    if (!response.ok) throw new ApiError(response.status, json, `${method} ${route}`)
    return json as T
  }
}

export interface Account {
  id: string
  username: string
  password: string
  displayName: string
  unit: Unit
  roles: Role[]
}

let serial = 0
/** A name no other test of this run (or an earlier run on the same system) uses. */
export const unique = (prefix: string): string =>
  `${prefix}${Date.now().toString(36)}${(serial++).toString(36)}`.toUpperCase()

/** Creates what a test needs through the API, as the administrator. */
export class World {
  private root: Promise<Unit> | undefined
  constructor(readonly admin: Api) {}

  /** The top of the unit tree (whatever it is called): new units hang below it. */
  topUnit(): Promise<Unit> {
    this.root ??= this.admin.call<{ items: Unit[] }>('GET', '/units?limit=200').then((page) => {
      const top = page.items.find((u) => u.parentId === null)
      if (!top) throw new Error('no top unit')
      return top
    })
    return this.root
  }

  /** A new active unit (a county below the top unit unless told otherwise). */
  async unit(options: { kind?: UnitKind; parent?: Unit; name?: string } = {}): Promise<Unit> {
    const code = unique('E2E-')
    return this.admin.call<Unit>('POST', '/units', {
      code,
      name: options.name ?? `测试单位${code.slice(4)}`,
      kind: options.kind ?? 'county',
      parentId: (options.parent ?? (await this.topUnit())).id,
    })
  }

  /**
   * The active unit called exactly `name`, made below the top unit if the system has none: for
   * a table naming units as a city's staff write them (市住建局), whatever the system holds.
   */
  async unitNamed(name: string, kind: UnitKind): Promise<Unit> {
    const found = await this.admin.call<{ items: Unit[] }>(
      'GET',
      `/units?limit=200&active=true&q=${encodeURIComponent(name)}`,
    )
    return found.items.find((u) => u.name === name) ?? this.unit({ kind, name })
  }

  /** A new account with `roles` in `unit` (a new unit of its own unless given). */
  async user(
    roles: Role[],
    options: { unit?: Unit; displayName?: string; password?: string } = {},
  ): Promise<Account> {
    const unit =
      options.unit ?? (await this.unit({ kind: roles.includes('unit') ? 'county' : 'department' }))
    const username = unique('e2e_').toLowerCase()
    const password = options.password ?? PASSWORD
    const displayName = options.displayName ?? `测试${username.slice(4)}`
    const user = await this.admin.call<{ id: string }>('POST', '/users', {
      username,
      displayName,
      unitId: unit.id,
      roles,
      password,
    })
    return { id: user.id, username, password, displayName, unit, roles }
  }

  /** A new rectification cast (see City). */
  async city(): Promise<City> {
    const name = unique('')
    const office = await this.user(['office'], { displayName: `整改办 测试${name}` })
    const officeApi = await this.as(office)
    const leadUnit = await this.unit({ kind: 'department', name: `测试局${name}` })
    const lead = await this.user(['lead_unit'], { unit: leadUnit, displayName: `牵头 测试${name}` })
    const county = await this.unit({ kind: 'county', name: `测试县${name}` })
    const countyUser = await this.user(['unit'], { unit: county, displayName: `县 测试${name}` })
    const round = await officeApi.call<Versioned & { name: string }>('POST', '/rounds', {
      name: `测试督察轮次${name}`,
      kind: 'central',
    })
    return {
      round,
      office,
      officeApi,
      leadUnit,
      lead,
      leadApi: await this.as(lead),
      county,
      countyUser,
      countyApi: await this.as(countyUser),
    }
  }

  /** A new time-bound problem of `city`'s round, led by its lead unit, put on the list by its office. */
  async problem(
    city: City,
    input: ProblemInput,
  ): Promise<Versioned & { code: string; title: string }> {
    const code = unique('E2E-')
    return city.officeApi.call('POST', '/problems', {
      roundId: city.round.id,
      code,
      title: `${input.title}（${code}）`,
      description: input.description ?? `${input.title}，需限期整改。`,
      source: input.source ?? 'feedback',
      nature: input.nature ?? 'individual',
      domain: input.domain ?? 'water',
      regionId: (input.region === undefined ? city.county : input.region)?.id ?? null,
      mode: 'time_bound',
      deadline: input.deadline,
      leadUnitId: city.leadUnit.id,
      ...(input.public === undefined ? {} : { public: input.public }),
    })
  }

  /**
   * A problem of `city` in progress: one measure of the county (`measure`, from `start` days ago
   * to `measureDeadline`, the problem's deadline unless told), the plan submitted by the lead unit
   * and approved by the office. Returns the problem as approved, with its measure.
   */
  async problemInProgress(
    city: City,
    input: ProblemInput & { measure?: string; start?: number; measureDeadline?: string },
  ): Promise<Versioned & { code: string; title: string; measure: Versioned }> {
    const problem = await this.problem(city, input)
    const measure = await city.leadApi.call<Versioned>('POST', `/problems/${problem.id}/measures`, {
      content: input.measure ?? `${input.title}整改措施`,
      unitId: city.county.id,
      startDate: shanghaiDayFrom(-(input.start ?? 30)),
      deadline: input.measureDeadline ?? input.deadline,
    })
    let current: Versioned = problem
    for (const [api, action] of [
      [city.leadApi, 'submit'],
      [city.officeApi, 'approve'],
    ] as const) {
      current = await api.call<Versioned>('GET', `/problems/${problem.id}`)
      current = await api.call<Versioned>(
        'POST',
        `/problems/${problem.id}/transitions`,
        { action },
        current.version,
      )
    }
    return { ...problem, version: current.version, measure }
  }

  /**
   * `city`'s lead unit reports `percent` done on `problem` (this month) and the office accepts
   * it: the problem's accepted progress is `percent` from then on.
   */
  async acceptedReport(city: City, problem: Versioned, percent: number): Promise<Versioned> {
    const report = await city.leadApi.call<Versioned>('POST', `/problems/${problem.id}/reports`, {
      period: shanghaiDayFrom(0).slice(0, 7),
      done: `本期完成整改工作量的 ${percent}%。`,
      percent,
    })
    await city.officeApi.call(
      'POST',
      `/reports/${report.id}/review`,
      { decision: 'accept', note: '进展属实。' },
      report.version,
    )
    return report
  }

  /** A notice (督办函 unless told) the office of `city` issues to `unit` about `problems`. */
  async notice(
    city: City,
    input: { unit: Unit; problems: Versioned[]; level?: string; title?: string },
  ): Promise<Versioned & { title: string }> {
    return city.officeApi.call('POST', '/notices', {
      level: input.level ?? 'supervision',
      unitId: input.unit.id,
      problemIds: input.problems.map((p) => p.id),
      title: input.title ?? `关于加快整改进度的督办函（${unique('')}）`,
      body: '你单位整改进度滞后于序时进度，请于回复期限前报送整改情况及佐证材料。',
      replyDue: shanghaiDayFrom(7),
    })
  }

  /** A new, empty petition batch of `city`'s round, 第`seq`批 (1 unless told), handed over today. */
  async batch(
    city: City,
    input: { seq?: number; declaredCount?: number; handlingDays?: number } = {},
  ): Promise<Versioned & { seq: number }> {
    return city.officeApi.call('POST', '/petition-batches', {
      roundId: city.round.id,
      seq: input.seq ?? 1,
      handedOn: shanghaiDayFrom(0),
      source: 'central',
      declaredCount: input.declaredCount ?? 50,
      handlingDays: input.handlingDays ?? 15,
    })
  }

  /** The API as `account`. */
  async as(account: Pick<Account, 'username' | 'password'>): Promise<Api> {
    return (await Api.login(account.username, account.password)).api
  }
}

/** A round, a problem or a measure as the API returns it (the fields tests read). */
export interface Versioned {
  id: string
  version: number
}

/**
 * The people a rectification needs, each new: the office (整改办) with a round of its own, a
 * city department as lead unit (牵头单位) and a county as responsible unit (责任单位).
 */
export interface City {
  round: Versioned & { name: string }
  office: Account
  officeApi: Api
  leadUnit: Unit
  lead: Account
  leadApi: Api
  county: Unit
  countyUser: Account
  countyApi: Api
}

export interface ProblemInput {
  title: string
  description?: string
  source?: string
  nature?: string
  domain?: string
  deadline: string
  region?: Unit | null
  /** On the public board (公开). */
  public?: boolean
}

/** Runs SQL on the system's stopped database and starts it again (see global-setup.ts). */
export async function withDatabase(
  statements: { sql: string; params?: unknown[] }[],
): Promise<number[]> {
  const control = process.env.RECTIFY_E2E_CONTROL
  if (!control) throw new Error('the browser tests run on a system of their own (no E2E_BASE_URL)')
  const response = await fetch(control, { method: 'POST', body: JSON.stringify(statements) })
  if (!response.ok) throw new Error(`withDatabase: ${await response.text()}`)
  return ((await response.json()) as { affected: number[] }).affected
}

/** Opens a page signed in as `account` (or signed out with null), in a context of its own. */
export type OpenAs = (
  account: Pick<Account, 'username' | 'password'> | null,
  options?: BrowserContextOptions,
) => Promise<Page>

interface Fixtures {
  world: World
  openAs: OpenAs
}

export const test = base.extend<Fixtures, { adminApi: Api }>({
  // Playwright reads a fixture's needs from its first parameter's pattern: `{}` needs none.
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    await use(baseUrl())
  },

  adminApi: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      await use((await Api.login(bootstrap().username, bootstrap().password)).api)
    },
    { scope: 'worker' },
  ],

  world: async ({ adminApi }, use) => {
    await use(new World(adminApi))
  },

  openAs: async ({ browser, baseURL, locale, timezoneId, viewport }, use) => {
    const opened: { page: Page; errors: string[] }[] = []
    await use(async (account, options = {}) => {
      const context = await browser.newContext({
        baseURL,
        locale,
        timezoneId,
        viewport,
        ...options,
      })
      if (account) {
        const { pair } = await Api.login(account.username, account.password)
        // Once per tab (a marker in sessionStorage), so a sign-out is not undone by the next load.
        await context.addInitScript(
          ({ origin, pair }) => {
            if (location.origin !== origin || sessionStorage.getItem('e2e.signedIn')) return
            sessionStorage.setItem('e2e.signedIn', '1')
            sessionStorage.setItem('rectify.refreshToken', pair.refreshToken)
            sessionStorage.setItem(
              'rectify.accessToken',
              JSON.stringify({
                token: pair.accessToken,
                usableUntil: Date.now() + pair.expiresIn * 1000 - 30_000,
              }),
            )
          },
          { origin: new URL(baseUrl()).origin, pair },
        )
      }
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      opened.push({ page, errors })
      return page
    })
    for (const { page } of opened) await page.context().close()
    expect(
      opened.flatMap((o) => o.errors),
      'no uncaught errors in the page',
    ).toEqual([])
  },
})

export { expect }

/** Fills the login form and submits it. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login')
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
}

/** Signs in through the login form and waits for the menu. */
export async function login(
  page: Page,
  account: Pick<Account, 'username' | 'password'>,
): Promise<void> {
  await submitLogin(page, account.username, account.password)
  await page.getByTestId('nav-menu').waitFor()
}

export async function logout(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click()
  await page.getByTestId('menu-logout').click()
  await page.getByTestId('login-submit').waitFor()
}

/** The roles shown in the account details under the user menu (the dialog is closed again). */
export async function accountRoles(page: Page): Promise<string> {
  await page.getByTestId('user-menu').click()
  await page.getByTestId('menu-account').click()
  const dialog = page.getByTestId('account-dialog')
  const roles = await dialog.getByTestId('account-roles').innerText()
  await page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'hidden' })
  return roles
}

/** Clicks the primary button of the open Element Plus confirmation box. */
export async function confirmBox(page: Page): Promise<void> {
  await page.locator('.el-message-box__btns .el-button--primary').click()
}

/** A full-page screenshot kept with the test's results (for a person to look at). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true })
}
