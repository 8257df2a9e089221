export {
  readGeniusDomain,
  readGeniusDomainDocument,
  GENIUS_DOMAIN_ROOT,
  GENIUS_PROFILE_ROOT,
  type GeniusDomain,
} from './domain-reader.js';
export { readGeniusProfile, readGeniusProfileDocument } from './profile-reader.js';
export { readGeniusFiles, readGeniusSet, checkDistinctParties, type GeniusFile } from './folder.js';
export { writeGeniusDomain, writeGeniusProfile, geniusFiles } from './writer.js';
export { geniusProblems } from './representable.js';
