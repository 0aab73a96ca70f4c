import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Rendering a whole test app (legacy or new system, lazy chunks) takes seconds on a busy 2-core
// machine: Jest's 5 s per test and Testing Library's 1 s for findBy* failed healthy tests in a
// loaded full run. These are caps, not measures.
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 10_000 });
