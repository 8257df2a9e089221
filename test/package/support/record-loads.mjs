// `node --import <this file> …` with PARLEY_RECORD_LOADS=<file>: appends the URL of every ES
// module the process resolves to that file, one a line, so a test can say what a command loaded.
import { register } from 'node:module';

register('./record-loads-hooks.mjs', import.meta.url, { data: { file: process.env.PARLEY_RECORD_LOADS } });
