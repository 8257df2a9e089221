export { renderAnalysisText } from './text.js';
export { AssumedNumbers, ASSUMED_MARK } from './assumed.js';
export {
  evaluateOutcome,
  parseOutcome,
  renderEvaluationText,
  type OutcomeEvaluation,
  type PartyEvaluation,
} from './evaluate.js';
export { constraintText } from './findings.js';
export { outcomeText, formatUtility, formatCount } from './format.js';
