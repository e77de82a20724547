import { ConfigError } from '../config.js';

/** The background work's settings, from the environment (documented in the README). */
export interface OutboxSettings {
  /** `AIM_OUTBOX_WORKER=off`: this process queues work but leaves it to others (or to its next start). */
  worker: boolean;
  /** `AIM_CLEANUP_MINUTES`: how often expired codes, sessions and rate-limit windows are deleted. */
  cleanupMinutes: number;
}

export function readOutboxSettings(env: NodeJS.ProcessEnv = process.env): OutboxSettings {
  const worker = env.AIM_OUTBOX_WORKER || 'on';
  if (worker !== 'on' && worker !== 'off') throw new ConfigError(`AIM_OUTBOX_WORKER must be "on" or "off", not "${worker}"`);
  const cleanupMinutes = Number(env.AIM_CLEANUP_MINUTES || 60);
  if (!Number.isInteger(cleanupMinutes) || cleanupMinutes < 1 || cleanupMinutes > 24 * 60) {
    throw new ConfigError(`AIM_CLEANUP_MINUTES must be a number of minutes from 1 to 1440, not "${env.AIM_CLEANUP_MINUTES}"`);
  }
  return { worker: worker === 'on', cleanupMinutes };
}
