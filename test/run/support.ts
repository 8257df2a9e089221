export { ANAC, anacDomains, loadAnac } from '../../bench/lib/anac.js';
