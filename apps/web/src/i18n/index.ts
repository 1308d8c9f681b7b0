/**
 * vue-i18n set-up: zh-CN first and complete, en second. The chosen language is kept in
 * localStorage and mirrored on `<html lang>` so screen readers pronounce the page correctly.
 */
import { createI18n } from 'vue-i18n'
import en from './en'
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

export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'zh-CN': zhCN, en },
  missingWarn: import.meta.env.DEV,
  fallbackWarn: false,
})

/** Switches the UI language and remembers the choice for the next visit. */
export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

/** Applies the initial locale to `<html lang>`. */
export function initLocale(): void {
  document.documentElement.lang = i18n.global.locale.value
}

declare module 'vue-i18n' {
  /** Lets editors complete message keys from the Chinese messages. */
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefineLocaleMessage extends MessageSchema {}
}
