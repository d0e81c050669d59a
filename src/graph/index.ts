/** The graph file format: types, params, sockets, schema, checks, parse and serialize. */
export * from './types';
export * from './sockets';
export * from './params';
export * from './kinds';
export * from './limits';
export { checkGraph, checkParams, findCycle } from './check';
export { parseGraph, loadGraph } from './parse';
export { serializeGraph } from './serialize';
export { migrate, MIGRATIONS } from './migrate';
export { closest } from './closest';
