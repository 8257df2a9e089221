export { ANAC, anacDomains, loadAnac } from '../support/anac.js';
