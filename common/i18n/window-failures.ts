/**
 * What the window must be able to say without main (common/i18n's catalogues reach it from main, `messages`): that
 * it is not connected to the app, or that drawing it failed. The renderer bundles these keys only, in both
 * languages (renderer/src/built-in-messages.ts); the catalogues take them from here, so each text is written once.
 */
export const windowFailuresEn = {
  'window.title': 'Umeet Tray — presets & settings',
  'failure.noBridgeTitle': 'This window is not connected to the app',
  'failure.noBridge':
    'It was opened outside Umeet Tray, so it cannot reach your presets and settings. Open it from the tray menu (“Presets & settings…”), or reload it if the app is running.',
  'failure.crashTitle': 'The window could not be shown',
  'failure.crash': 'Something went wrong while drawing it. Reload it; if this happens again, restart the app.',
  'failure.details': 'Technical details',
  'failure.reload': 'Reload',
} as const;

/** 简体中文, the same keys. */
export const windowFailuresZhCN: Record<keyof typeof windowFailuresEn, string> = {
  'window.title': 'Umeet 托盘 — 预设与设置',
  'failure.noBridgeTitle': '此窗口未连接到应用',
  'failure.noBridge':
    '它是在 Umeet 托盘之外打开的，因此无法读取你的预设和设置。请从托盘菜单打开（“预设与设置…”）；如果应用正在运行，也可以重新加载。',
  'failure.crashTitle': '窗口无法显示',
  'failure.crash': '显示时出错。请重新加载；如果再次出现，请重新启动应用。',
  'failure.details': '技术详情',
  'failure.reload': '重新加载',
};
