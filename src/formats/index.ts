export * from './genius/index.js';
export * from './geniusweb/index.js';
export * from './scenario/index.js';
export {
  loadInput,
  resolveInput,
  inspectInput,
  formatName,
  type InputFormat,
  type ResolvedInput,
  type InspectedInput,
} from './input.js';
export { describeWarning, type FormatWarning, type WarningSink } from './warnings.js';
export { convert, outputFormat, type ConvertOptions, type OutputFormat } from './convert.js';
export { validateInput } from './validate.js';
export { lintScenarioFile, type ScenarioProblem, type LintOptions } from './scenario/lint.js';
export {
  builtinNames,
  builtins,
  findBuiltin,
  closeBuiltinNames,
  PACKAGE_ROOT,
  SCENARIOS_DIR,
  type Builtin,
  type BuiltinKind,
} from './builtin.js';
export { writeFileAtomic, writeFolderAtomic } from './atomic-write.js';
export { parseXmlDocument, type XmlDocument, type XmlElement } from './xml-tree.js';
export { parseJsonDocument, type JsonDocument } from './json-tree.js';
