import { useEffect, useState } from 'react';
import type { IpcFailure, IpcResult } from '../../common/ipc-result.js';

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'ready'; value: T }
  | { state: 'failed'; error: IpcFailure | { kind: 'transport'; message: string } };

/** Runs one IPC read when the component mounts and tracks its outcome. */
export function useIpcRead<T>(read: () => Promise<IpcResult<T>>): Loadable<T> {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    read().then(
      (answer) => {
        if (!live) return;
        setResult(answer.ok ? { state: 'ready', value: answer.value } : { state: 'failed', error: answer.error });
      },
      (error: unknown) => {
        if (live) setResult({ state: 'failed', error: { kind: 'transport', message: String(error) } });
      },
    );
    return () => {
      live = false;
    };
  }, [read]);
  return result;
}
