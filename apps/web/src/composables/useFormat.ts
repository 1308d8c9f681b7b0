/** Date formatting bound to the current UI language (always shown in Asia/Shanghai). */
import { useI18n } from 'vue-i18n'
import { formatDate, formatDateTime } from '@/i18n/format'

export function useFormat() {
  const { locale } = useI18n()
  return {
    date: (value: string | Date | null | undefined) => formatDate(value, locale.value),
    dateTime: (value: string | Date | null | undefined) => formatDateTime(value, locale.value),
  }
}
