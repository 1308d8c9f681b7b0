import { createHmac } from 'node:crypto'
import type { WebhookFormat } from '@rectify/schemas'
import type { OutboundRequest } from './webhooks.send.js'

/** The event a delivery carries, as the dispatcher reads it from the outbox. */
export interface OutboundEvent {
  id: string
  type: string
  at: Date
  data: Record<string, unknown>
}

/** The HMAC-SHA256 signature of the generic JSON format: hex of HMAC(secret, `${ts}.${body}`). */
export function signJson(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

/**
 * DingTalk's robot signature (加签): base64 of HMAC-SHA256(secret, `${timestampMs}\n${secret}`),
 * URL-encoded, sent as the `timestamp` and `sign` query parameters.
 */
export function signDingTalk(secret: string, timestampMs: number): string {
  const b64 = createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64')
  return encodeURIComponent(b64)
}

const TYPE_LABELS: Record<string, string> = {
  'problem.status_changed': '问题状态变更',
  'problem.light_changed': '问题亮灯变化',
  'report.submitted': '进展报告已提交',
  'report.reviewed': '进展报告已审核',
  'notice.issued': '督办单已下发',
  'notice.replied': '督办单已回复',
  'notice.closed': '督办单已办结',
  'notice.escalated': '督办单已升级',
  'inspection.finding_recorded': '督查发现已记录',
  'card.issued': '红黄牌已下发',
  'accountability.recorded': '问责已记录',
  'dispatch.closed': '调度期已结束',
  'reminder.due': '到期提醒',
  'webhook.test': 'Webhook 测试消息',
}
const FIELD_LABELS: Record<string, string> = {
  code: '编号',
  title: '标题',
  from: '原',
  to: '新',
  action: '操作',
  reason: '理由',
  unit: '单位',
  period: '期次',
  percent: '进度(%)',
  decision: '审核结论',
  status: '状态',
  rating: '评定',
  date: '日期',
}
const VALUE_LABELS: Record<string, string> = {
  draft: '草稿',
  plan_review: '方案审核',
  in_progress: '整改中',
  acceptance: '验收中',
  publicity: '公示中',
  closed: '已销号',
  green: '绿灯',
  blue: '蓝灯',
  yellow: '黄灯',
  red: '红灯',
  accept: '通过',
  return: '退回',
  accepted: '已通过',
  returned: '已退回',
  on_schedule: '按期',
  behind: '滞后',
}

/** The event in a few Chinese lines for a chat group: a title, then the facts that matter. */
export function chineseSummary(e: OutboundEvent): { title: string; lines: string[] } {
  const title = TYPE_LABELS[e.type] ?? e.type
  const lines: string[] = []
  for (const [key, label] of Object.entries(FIELD_LABELS)) {
    const v = e.data[key]
    if (v === undefined || v === null || v === '' || typeof v === 'object') continue
    lines.push(`${label}：${VALUE_LABELS[String(v)] ?? String(v)}`)
  }
  const at = e.at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })
  lines.push(`时间：${at}`)
  return { title, lines }
}

/** Scalar event fields as strings: what an SMS template can take. */
function smsParams(data: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(data))
    if (v !== null && v !== undefined && typeof v !== 'object')
      out[k] = (VALUE_LABELS[String(v)] ?? String(v)).slice(0, 100)
  return out
}

/** Builds the HTTP request of one delivery in the subscription's format. */
export function buildRequest(
  format: WebhookFormat,
  target: { url: string; secret: string | null },
  deliveryId: string,
  e: OutboundEvent,
  now: Date,
): OutboundRequest {
  switch (format) {
    case 'json': {
      const body = JSON.stringify({ id: e.id, type: e.type, at: e.at.toISOString(), data: e.data })
      const ts = String(Math.floor(now.getTime() / 1000))
      return {
        url: target.url,
        body,
        headers: {
          'x-rectify-event': e.type,
          'x-rectify-delivery': deliveryId,
          'x-rectify-timestamp': ts,
          'x-rectify-signature': signJson(target.secret ?? '', ts, body),
        },
      }
    }
    case 'wecom': {
      const s = chineseSummary(e)
      const content = [`**${s.title}**`, ...s.lines.map((l) => `> ${l}`)].join('\n')
      return {
        url: target.url,
        headers: {},
        body: JSON.stringify({ msgtype: 'markdown', markdown: { content } }),
      }
    }
    case 'dingtalk': {
      const s = chineseSummary(e)
      const text = [`#### ${s.title}`, ...s.lines.map((l) => `> ${l}`)].join('\n\n')
      let url = target.url
      if (target.secret) {
        const ms = now.getTime()
        url += `${url.includes('?') ? '&' : '?'}timestamp=${ms}&sign=${signDingTalk(target.secret, ms)}`
      }
      return {
        url,
        headers: {},
        body: JSON.stringify({ msgtype: 'markdown', markdown: { title: s.title, text } }),
      }
    }
    case 'sms':
      // The gateway decides the recipients; Rectify names the template and its parameters.
      return {
        url: target.url,
        headers: {},
        body: JSON.stringify({ to: [], template: e.type, params: smsParams(e.data) }),
      }
  }
}
