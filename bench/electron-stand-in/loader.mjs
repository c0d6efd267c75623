// ESM resolve hook for the stand-in (see register.mjs).
export async function resolve(specifier, context, next) {
  if (specifier === 'electron' || specifier.startsWith('electron/')) {
    return { url: new URL('./electron.mjs', import.meta.url).href, shortCircuit: true };
  }
  return next(specifier, context);
}
