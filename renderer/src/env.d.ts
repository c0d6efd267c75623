import type { UmeetApi } from '../../common/ipc-contract.js';

declare global {
  interface Window {
    /** Exposed by the preload; the window's only way to reach main. */
    readonly umeet: UmeetApi;
  }
}
