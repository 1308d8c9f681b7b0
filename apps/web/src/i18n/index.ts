/**
 * vue-i18n set-up: zh-CN first and complete, en second. The chosen language is kept in
 * localStorage and mirrored on `<html lang>` so screen readers pronounce the page correctly.
 */
import { createI18n } from 'vue-i18n'
import zhCN, { type MessageSchema } from './zh-CN'

export const LOCALES = ['zh-CN', 'en'] as const
export type AppLocale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: AppLocale = 'zh-CN'

const STORAGE_KEY = 'rectify.locale'

/** Narrows any string (a stored preference, a query value) to a supported locale. */
export function toLocale(value: unknown): AppLocale {
  return LOCALES.includes(value as AppLocale) ? (value as AppLocale) : DEFAULT_LOCALE
}

function storedLocale(): AppLocale {
  try {
    return toLocale(localStorage.getItem(STORAGE_KEY))
  } catch {
    return DEFAULT_LOCALE
  }
}

/**
 * Only the Chinese messages ship in the initial JavaScript; the English ones are a lazy chunk
 * loaded when first chosen (setLocale, or initLocale for a remembered choice).
 */
export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: DEFAULT_LOCALE,
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'zh-CN': zhCN } as Record<AppLocale, MessageSchema>,
  missingWarn: import.meta.env.DEV,
  fallbackWarn: false,
})

const loaded = new Set<AppLocale>([DEFAULT_LOCALE])

async function loadMessages(locale: AppLocale): Promise<void> {
  if (loaded.has(locale)) return
  const messages = (await import('./en')).default
  i18n.global.setLocaleMessage(locale, messages)
  loaded.add(locale)
}

/** Switches the UI language (loading its messages first) and remembers the choice. */
export async function setLocale(locale: AppLocale): Promise<void> {
  await loadMessages(locale)
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

/** Applies the remembered locale (loading its messages) and mirrors it on `<html lang>`. */
export async function initLocale(): Promise<void> {
  const locale = storedLocale()
  try {
    await loadMessages(locale)
    i18n.global.locale.value = locale
  } catch {
    // The chunk failed to load: stay in Chinese rather than show keys.
  }
  document.documentElement.lang = i18n.global.locale.value
}

declare module 'vue-i18n' {
  /** Lets editors complete message keys from the Chinese messages. */
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefineLocaleMessage extends MessageSchema {}
}
