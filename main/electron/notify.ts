import { Notification } from 'electron';
import type { Notify } from '../ports.js';

export function createNotifier(): Notify {
  return ({ title, body }) => {
    if (Notification.isSupported()) new Notification({ title, body, silent: false }).show();
  };
}
