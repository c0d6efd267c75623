/** English catalogue: the source of the message keys. `{name}` marks a parameter. */
export const en = {
  'app.title': 'Umeet Tray',
  'tray.tooltip': 'Umeet Tray',
  'tray.openWindow': 'Presets & settings…',
  'tray.quit': 'Quit',
  'window.title': 'Umeet Tray — presets & settings',
  'about.heading': 'About this app',
  'about.version': 'Version',
  'about.platform': 'Platform',
  'about.locale': 'Language',
  'about.loading': 'Loading…',
  'about.failed': 'Could not read the app information: {reason}',
  'platform.darwin': 'macOS',
  'platform.win32': 'Windows',
  'platform.linux': 'Linux',
  'platform.other': 'Other',
  'locale.zh-CN': '简体中文',
  'locale.en': 'English',
  'ipc.invalidRequest': 'The request was refused: {details}',
  'ipc.forbidden': 'The request was refused: it did not come from the app’s own window.',
  'ipc.internal': 'Something went wrong inside the app. Try again; if it persists, restart the app.',
} as const;

export type MessageKey = keyof typeof en;
