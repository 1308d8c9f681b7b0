/**
 * The one place ECharts is registered: modular imports of only the charts and components the
 * dashboard draws (bars, lines, grid, tooltip, legend, the aria description) on the canvas
 * renderer. Only components/dashboard imports this file, and only the dashboard route imports
 * those, so ECharts lands in the dashboard's lazily loaded chunk, never in the initial bundle.
 */
import { BarChart, LineChart } from 'echarts/charts'
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([
  BarChart,
  LineChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
])

export { echarts }
export type { EChartsType } from 'echarts/core'
