/** A light's label and its reasons in words, in the current UI language (lib/light.ts). */
import type { Light, LightInfo } from '@rectify/schemas'
import { useI18n } from 'vue-i18n'
import { lightReasonLines } from '@/lib/light'
import { useFormat } from './useFormat'

export function useLight() {
  const { t } = useI18n()
  const { date } = useFormat()

  return {
    /** 正常 / 临期 / 滞后 / 逾期. */
    label: (color: Light) => t(`light.colors.${color}`),
    /** Every reason as a sentence; `measureName` names the measure a reason is about. */
    reasons: (info: LightInfo, measureName?: (id: string) => string | undefined) =>
      lightReasonLines(info, { t, date, measureName }),
  }
}
