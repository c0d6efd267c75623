// Electron stood in for under plain Node, for the start-up benchmark only: every property is a
// callable that returns another stand-in, except `app.whenReady()`, which never resolves, so
// importing the main bundle runs its top level and stops where Electron would take over.
'use strict';
const path = require('node:path');
const os = require('node:os');

function standIn(name) {
  const fn = function () {
    return standIn(`${name}()`);
  };
  return new Proxy(fn, {
    get(_target, prop) {
      if (prop === 'then') return undefined; // not a thenable
      // Renderer-only modules do not exist in the main process.
      if (prop === 'contextBridge' || prop === 'ipcRenderer' || prop === 'webFrame') return undefined;
      if (prop === Symbol.toPrimitive) return () => name;
      if (prop === 'whenReady') return () => new Promise(() => {});
      if (prop === 'requestSingleInstanceLock') return () => true;
      if (prop === 'isPackaged') return false;
      if (prop === 'getPath' || prop === 'getAppPath') return () => path.join(os.tmpdir(), 'umeet-bench-electron');
      if (prop === 'getName') return () => 'Umeet Tray';
      if (prop === 'getVersion') return () => '0.0.0';
      if (prop === 'isReady') return () => false;
      if (prop === 'on' || prop === 'once' || prop === 'handle') return () => undefined;
      return standIn(`${name}.${String(prop)}`);
    },
  });
}

module.exports = standIn('electron');
