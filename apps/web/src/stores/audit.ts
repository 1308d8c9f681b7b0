/** The audit log as the office and the auditors read it, newest first. */
import type { AuditEntry, ListAuditQuery } from '@rectify/schemas'
import { defineStore } from 'pinia'
import * as auditApi from '@/api/audit'
import { useFilteredList } from '@/composables/useCursorList'

export const AUDIT_PAGE_SIZE = 50

export const useAuditStore = defineStore('audit', () =>
  useFilteredList<ListAuditQuery, AuditEntry>((query, cursor) =>
    auditApi.listAudit({ ...query, limit: AUDIT_PAGE_SIZE, cursor }),
  ),
)
