// Vitest runs lib modules outside React's server environment; `server-only`
// guards the Next bundle, not tests.
export {};
