export { readGeniusWebDomain, geniusWebDomainJson } from './domain.js';
export { readGeniusWebProfile } from './profile.js';
export {
  readGeniusWebFiles,
  readGeniusWebSet,
  readGeniusWebDomainOf,
  geniusWebRole,
  type GeniusWebFile,
} from './folder.js';
export { geniusWebFiles, geniusWebProblems, geniusWebProfileJson } from './writer.js';
