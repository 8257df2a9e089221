export { readGeniusWebDomain, geniusWebDomainJson } from './domain.js';
export { readGeniusWebProfile } from './profile.js';
export { readGeniusWebFiles, geniusWebFolderFiles, geniusWebRole } from './folder.js';
export { geniusWebFiles, geniusWebProblems, geniusWebProfileJson } from './writer.js';
