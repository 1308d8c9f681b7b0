/** The audit log as the office and the auditors read it, newest first. */
import type { AuditEntry, ListAuditQuery } from '@rectify/schemas'
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import * as auditApi from '@/api/audit'
import { useCursorList } from '@/composables/useCursorList'

export const AUDIT_PAGE_SIZE = 50

export const useAuditStore = defineStore('audit', () => {
  const filters = shallowRef<ListAuditQuery>({})
  const list = useCursorList<AuditEntry>((cursor) =>
    auditApi.listAudit({ ...filters.value, limit: AUDIT_PAGE_SIZE, cursor }),
  )

  /** Loads the first page for `query` (filters from the URL). */
  function search(query: ListAuditQuery): Promise<void> {
    filters.value = query
    return list.reload()
  }

  return {
    items: list.items,
    total: list.total,
    hasMore: list.hasMore,
    loading: list.loading,
    error: list.error,
    loadMore: list.loadMore,
    search,
  }
})
