/**
 * How the main process's bundle is written (electron.vite.config.ts), and so how bench/startup.ts builds it to
 * count what loads before the tray: one definition, so what is counted is what ships. Minified by the minifier
 * the renderer's build uses (oxc, through rolldown), as what loads before the tray is read and parsed at every
 * start; but the names a reader looks for are kept: top-level ones (imports such as `ipcMain`, functions,
 * module constants), which test/unit/ipc-surface.test.ts and the security scan read in the built files, and every
 * function's and class's own name, which a stack in a user's log shows. Only local variables are shortened.
 */
export const mainOutput = { minify: { compress: true, mangle: { toplevel: false, keepNames: true } } } as const;
