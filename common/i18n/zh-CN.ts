import type { MessageKey } from './en.js';

/** 简体中文 catalogue. Typed against the English keys, so a missing or stray key fails typecheck. */
export const zhCN: Record<MessageKey, string> = {
  'app.title': 'Umeet 托盘',
  'tray.tooltip': 'Umeet 托盘',
  'tray.openWindow': '预设与设置…',
  'tray.quit': '退出',
  'window.title': 'Umeet 托盘 — 预设与设置',
  'about.heading': '关于本应用',
  'about.version': '版本',
  'about.platform': '平台',
  'about.locale': '语言',
  'about.loading': '正在加载…',
  'about.failed': '无法读取应用信息：{reason}',
  'platform.darwin': 'macOS',
  'platform.win32': 'Windows',
  'platform.linux': 'Linux',
  'platform.other': '其他',
  'locale.zh-CN': '简体中文',
  'locale.en': 'English',
  'ipc.invalidRequest': '请求被拒绝：{details}',
  'ipc.forbidden': '请求被拒绝：它不是来自本应用自己的窗口。',
  'ipc.internal': '应用内部出错。请重试；如果仍然出错，请重新启动应用。',
};
