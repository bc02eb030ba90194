// Before the suite's describe() calls: Mocha's browser build needs its interface set up first.
// The reporter is the host's console, where `npm run test:web:here` reads it.
mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 60_000, color: false });
