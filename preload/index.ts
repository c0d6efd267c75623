// The sandboxed preload (bundled as CommonJS): the only bridge between the window and main.
import { contextBridge, ipcRenderer } from 'electron';
import { channelPrefix, channels } from '../common/ipc-channels.js';
import { buildApi } from './build-api.js';

contextBridge.exposeInMainWorld(
  'umeet',
  buildApi(channels, (channel, payload) => ipcRenderer.invoke(channelPrefix + channel, payload)),
);
