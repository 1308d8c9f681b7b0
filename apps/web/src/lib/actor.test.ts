import { describe, expect, it } from 'vitest'
import { actorLabel } from './actor'

describe('actorLabel', () => {
  it('names a person with their unit, never by login name', () => {
    expect(
      actorLabel({ actorName: 'eco01', actorDisplayName: '张敏', actorUnitName: '市生态环境局' }),
    ).toBe('张敏（市生态环境局）')
  })
  it('falls back to the stored name for a client, and to nothing', () => {
    expect(
      actorLabel({ actorName: '12345热线', actorDisplayName: null, actorUnitName: null }),
    ).toBe('12345热线')
    expect(actorLabel({ actorName: null, actorDisplayName: null, actorUnitName: null })).toBeNull()
  })
})
