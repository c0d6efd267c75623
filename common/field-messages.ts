import type { MessageKey, Translate } from './i18n/index.js';

/**
 * Each field's rule in the user's language. The schemas' own messages are written for logs and the
 * CLI ("must not be blank"); people get these, from main and the window alike.
 */
const fieldMessages: Record<string, MessageKey> = {
  name: 'validation.name',
  topic: 'validation.topic',
  capacity: 'validation.capacity',
  duration: 'validation.duration',
  userKey: 'validation.userKey',
  defaultUserKey: 'validation.userKey',
  apiBaseUrl: 'validation.apiBaseUrl',
  trustedLinkHosts: 'validation.trustedLinkHosts',
  requestTimeoutMs: 'validation.requestTimeout',
  keepClosedWindowMinutes: 'validation.keepClosed',
  globalShortcut: 'validation.shortcut',
  apiKey: 'validation.required',
  apiSecret: 'validation.required',
  presets: 'validation.tooManyPresets',
  'proxy.url': 'settings.proxyUrlRule',
  'proxy.username': 'settings.proxyUsernameRule',
};

/** A field's rule in the user's language; for a field without one, `fallback` (already localized) or a general line. */
export function fieldMessage(field: string, t: Translate, fallback?: string): string {
  // A nested field's own rule first (`proxy.url`), else its top field's (`trustedLinkHosts.2` → `trustedLinkHosts`).
  const key = fieldMessages[field] ?? fieldMessages[field.split('.')[0] ?? field];
  return key ? t(key) : (fallback ?? t('validation.invalid'));
}
