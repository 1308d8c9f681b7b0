/**
 * Geometry of the public problem page's progress chart (an inline SVG, no chart library):
 * accepted progress over time as a step line, since progress holds at a report's figure
 * until the next report is accepted.
 */

export interface ProgressEntry {
  period: string
  percent: number
  /** `YYYY-MM-DD` */
  date: string
}

export interface ChartBox {
  width: number
  height: number
  top: number
  right: number
  bottom: number
  left: number
}

export interface ChartPoint extends ProgressEntry {
  x: number
  y: number
}

/** The default drawing box (viewBox units; the SVG scales to its container). */
export const CHART_BOX: ChartBox = {
  width: 600,
  height: 220,
  top: 16,
  right: 20,
  bottom: 36,
  left: 44,
}

/** Gridlines and labels of the percent axis. */
export const PERCENT_TICKS = [0, 25, 50, 75, 100] as const

const DAY_MS = 86_400_000
const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS)
const clampPercent = (value: number) =>
  Math.min(100, Math.max(0, Number.isFinite(value) ? value : 0))

/** The y of a percentage inside the box. */
export function percentY(percent: number, box: ChartBox = CHART_BOX): number {
  const plot = box.height - box.top - box.bottom
  return box.top + plot * (1 - clampPercent(percent) / 100)
}

/**
 * The entries as points, in date order: x by date (evenly spread when all share one date, a lone
 * point in the middle), y by percent clamped to 0–100.
 */
export function chartPoints(
  entries: readonly ProgressEntry[],
  box: ChartBox = CHART_BOX,
): ChartPoint[] {
  const sorted = [...entries].sort((a, b) => a.date.localeCompare(b.date))
  const plot = box.width - box.left - box.right
  if (sorted.length === 0) return []
  const first = dayNumber(sorted[0]!.date)
  const span = dayNumber(sorted[sorted.length - 1]!.date) - first
  return sorted.map((entry, index) => {
    let share: number
    if (sorted.length === 1) share = 0.5
    else if (span <= 0) share = index / (sorted.length - 1)
    else share = (dayNumber(entry.date) - first) / span
    return {
      ...entry,
      percent: clampPercent(entry.percent),
      x: round(box.left + plot * share),
      y: round(percentY(entry.percent, box)),
    }
  })
}

/** An SVG path through the points as steps: across at the old value, then up to the new one. */
export function stepPath(points: readonly ChartPoint[]): string {
  if (points.length === 0) return ''
  const [head, ...rest] = points
  return [`M${head!.x} ${head!.y}`, ...rest.map((p) => `H${p.x} V${p.y}`)].join(' ')
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
