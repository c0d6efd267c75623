// The sandboxed preload (bundled as CommonJS): the only bridge between the window and main.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelPrefix, channels, events } from '../common/ipc-channels.js';
import { buildApi } from './build-api.js';

contextBridge.exposeInMainWorld(
  'umeet',
  buildApi(
    channels,
    events,
    (channel, payload) => ipcRenderer.invoke(channelPrefix + channel, payload),
    (event, listener) => {
      // The page gets the payload only, never the IpcRendererEvent (which holds `sender`).
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channelPrefix + event, forward);
      return () => void ipcRenderer.removeListener(channelPrefix + event, forward);
    },
  ),
);
