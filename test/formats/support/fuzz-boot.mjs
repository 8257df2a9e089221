// Worker threads do not inherit tsx's loader: this plain module loads the TypeScript worker through it.
import { tsImport } from 'tsx/esm/api';

await tsImport('./fuzz-worker.ts', import.meta.url);
