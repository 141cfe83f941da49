export * from './diagnostic.js';
export * from './codes.js';
export * from './did-you-mean.js';
export * from './reporter.js';
