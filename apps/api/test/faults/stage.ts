import { openDatabase, type Database } from '../../src/db/client.js'
import { makeWorld } from '../factories.js'
import { API_APPLICATION, ApiProcess } from './api-process.js'
import { Cluster } from './cluster.js'

/** A PostgreSQL cluster of its own, the API on it as a process, and a small world of users. */
export interface Stage {
  cluster: Cluster
  api: ApiProcess
  /** The test's own connections (they outlive an outage: lost ones are dropped, not thrown). */
  database: Database
  world: Awaited<ReturnType<typeof makeWorld>>
}

export async function setUpStage(): Promise<Stage> {
  const cluster = await Cluster.create()
  const api = await ApiProcess.create(cluster.url(API_APPLICATION))
  await api.start()
  const database = await openDatabase({ databaseUrl: cluster.url(), poolSize: 2 })
  return { cluster, api, database, world: await makeWorld(database.db) }
}

export async function tearDownStage(stage: Partial<Stage>) {
  await stage.api?.close()
  await stage.database?.close()
  await stage.cluster?.destroy()
}
