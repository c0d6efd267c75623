import { createContext, useContext, type ReactNode } from 'react';
import type { DesktopInfo } from '../../common/app-info.js';

/** The OS the app runs on (main's `process.platform`), for what is written the OS's way, such as shortcuts. */
const PlatformContext = createContext<string | undefined>(undefined);

export function PlatformProvider({ platform, children }: { platform: string | undefined; children: ReactNode }) {
  return <PlatformContext.Provider value={platform}>{children}</PlatformContext.Provider>;
}

/** The OS, or undefined until main has said (then the page's own guess is used by callers that need one). */
export const usePlatform = () => useContext(PlatformContext);

/** What the desktop offers (Linux: the tray, where the global shortcut reaches), as main learned it. */
const DesktopContext = createContext<DesktopInfo | undefined>(undefined);

export function DesktopProvider({ desktop, children }: { desktop: DesktopInfo | undefined; children: ReactNode }) {
  return <DesktopContext.Provider value={desktop}>{children}</DesktopContext.Provider>;
}

export const useDesktop = () => useContext(DesktopContext);
