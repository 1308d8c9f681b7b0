/**
 * Who did something, as a person reads it: the person's name with their unit (张敏（临湖县生态环境局）),
 * else the name stored with the entry (an API client's name, the CLI), else null.
 */
export function actorLabel(entry: {
  actorName: string | null
  actorDisplayName: string | null
  actorUnitName: string | null
}): string | null {
  if (entry.actorDisplayName)
    return entry.actorUnitName
      ? `${entry.actorDisplayName}（${entry.actorUnitName}）`
      : entry.actorDisplayName
  return entry.actorName
}
