import '@testing-library/jest-dom';

// Rendering a whole test app (legacy or new system) takes seconds on a busy 2-core machine; Jest's
// 5 s default failed healthy tests in a loaded full run. This is a cap, not a measure.
jest.setTimeout(30_000);
