import { pathToFileURL } from 'node:url';

const TYPESCRIPT = /\.(m|c)?ts$/i;

/**
 * Imports a user's module by absolute path. Plain Node (the built `parley`) cannot import
 * TypeScript, so a `.ts` module that Node refuses is imported again through tsx, which is
 * loaded only then: a run with built-in agents never pays for it. Under tsx or vitest the
 * first import already succeeds.
 */
export async function importUserModule(path: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(path).href;
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (error) {
    if (!TYPESCRIPT.test(path) || (error as NodeJS.ErrnoException).code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
  }
  const { tsImport } = await import('tsx/esm/api');
  return (await tsImport(url, import.meta.url)) as Record<string, unknown>;
}
