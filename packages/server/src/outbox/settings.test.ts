import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config.js';
import { readOutboxSettings } from './settings.js';

describe('the outbox settings', () => {
  it('run the worker and an hourly cleanup by default', () => {
    expect(readOutboxSettings({})).toEqual({ worker: true, cleanupMinutes: 60 });
  });

  it('read AIM_OUTBOX_WORKER and AIM_CLEANUP_MINUTES', () => {
    expect(readOutboxSettings({ AIM_OUTBOX_WORKER: 'off', AIM_CLEANUP_MINUTES: '15' })).toEqual({ worker: false, cleanupMinutes: 15 });
    expect(readOutboxSettings({ AIM_OUTBOX_WORKER: 'on' })).toMatchObject({ worker: true });
  });

  it('refuse values that mean nothing, saying which', () => {
    expect(() => readOutboxSettings({ AIM_OUTBOX_WORKER: 'false' })).toThrow(ConfigError);
    expect(() => readOutboxSettings({ AIM_OUTBOX_WORKER: 'false' })).toThrow(/AIM_OUTBOX_WORKER must be "on" or "off"/);
    for (const value of ['0', '1.5', 'hourly', '1441']) {
      expect(() => readOutboxSettings({ AIM_CLEANUP_MINUTES: value })).toThrow(/AIM_CLEANUP_MINUTES must be/);
    }
  });
});
