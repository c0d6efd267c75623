import { z } from 'zod';
import { AppInfo } from './app-info.js';
import type { Channel } from './ipc-channels.js';
import type { IpcResult } from './ipc-result.js';

interface Route {
  /** Validates what the window sends. Requests without arguments take `z.undefined()`. */
  request: z.ZodType;
  /** What main answers; main parses its own answer with it, which also strips unknown fields. */
  response: z.ZodType;
}

/** The one map from channel to its request and response schemas. */
export const contract = {
  appInfo: { request: z.undefined(), response: AppInfo },
} satisfies Record<Channel, Route>;

export type Contract = typeof contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

/** The API the preload puts on `window.umeet`: one method per channel. */
export type UmeetApi = {
  [C in Channel]: RequestOf<C> extends undefined
    ? () => Promise<IpcResult<ResponseOf<C>>>
    : (request: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>;
};
