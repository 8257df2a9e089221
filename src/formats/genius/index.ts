export { readGeniusDomain, GENIUS_DOMAIN_ROOT, GENIUS_PROFILE_ROOT, type GeniusDomain } from './domain-reader.js';
export { readGeniusProfile } from './profile-reader.js';
export { readGeniusFiles, geniusFolderFiles, geniusRole, xmlRootName } from './folder.js';
export { writeGeniusDomain, writeGeniusProfile, geniusFiles } from './writer.js';
export { geniusProblems } from './representable.js';
