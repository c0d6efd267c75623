import { Notification } from 'electron';
import type { Notify } from '../ports.js';

export function createNotifier(): Notify {
  return ({ title, body, onClick }) => {
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title, body, silent: false });
    if (onClick) notification.on('click', onClick);
    notification.show();
  };
}
