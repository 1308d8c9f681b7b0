import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ownerMessage } from '@/components/webhook/labels'
import { listClients } from '@/api/clients'
import { deleteWebhook, listWebhooks } from '@/api/webhooks'
import { useWebhooksStore } from './webhooks'

vi.mock('@/api/clients', () => ({ listClients: vi.fn() }))
vi.mock('@/api/webhooks', () => ({ listWebhooks: vi.fn(), deleteWebhook: vi.fn() }))

const page = <T>(items: T[], nextCursor: string | null = null) => ({
  items,
  nextCursor,
  total: items.length,
})

describe('the webhooks store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.mocked(listWebhooks).mockReset()
    vi.mocked(deleteWebhook).mockReset()
    vi.mocked(listClients).mockReset()
  })

  it('deletes with the version read and reads the list again', async () => {
    vi.mocked(listWebhooks).mockResolvedValue(page([]) as never)
    vi.mocked(deleteWebhook).mockResolvedValue(undefined)
    const store = useWebhooksStore()
    await store.remove({ id: 'w1', version: 3 })
    expect(deleteWebhook).toHaveBeenCalledWith('w1', 3)
    expect(listWebhooks).toHaveBeenCalledTimes(1)
  })

  it('reads every page of the clients to name the owners', async () => {
    vi.mocked(listClients)
      .mockResolvedValueOnce(page([{ id: 'c1', name: '12345热线' }], 'next') as never)
      .mockResolvedValueOnce(page([{ id: 'c2', name: '省督察平台' }]) as never)
    const store = useWebhooksStore()
    await store.loadClientNames()
    expect(vi.mocked(listClients).mock.calls[1]![0]).toMatchObject({ cursor: 'next' })
    expect(ownerMessage({ clientId: 'c2' }, store.clientNames)).toEqual({
      key: 'webhooks.ownerClient',
      values: { name: '省督察平台' },
    })
  })
})

describe('ownerMessage', () => {
  it('names the administrator, a known client, or an unknown client by its id', () => {
    const names = new Map([['c1', '12345热线']])
    expect(ownerMessage({ clientId: null }, names).key).toBe('webhooks.ownerAdmin')
    expect(ownerMessage({ clientId: 'c1' }, names).values).toEqual({ name: '12345热线' })
    expect(ownerMessage({ clientId: 'c9' }, names).values).toEqual({ name: 'c9' })
  })
})
