/** The keys module's front door: key status and rotation (rectify keys). */
export { KeysService, type FinishResult, type KeysStatus } from './keys.service.js'
