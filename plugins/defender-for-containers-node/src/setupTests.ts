// Starting the emulator (spec compilation, TLS material) takes seconds when the machine is busy;
// Jest's 5 s default would fail a healthy suite in its beforeAll. This is a cap, not a measure.
jest.setTimeout(30_000);

export {};
