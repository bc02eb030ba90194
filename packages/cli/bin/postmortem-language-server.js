#!/usr/bin/env node
// The Postmortem language server for any LSP client. It talks over standard input and output
// unless the client names another transport (--node-ipc, --socket=PORT, --pipe=NAME).
if (!process.argv.slice(2).some((arg) => /^--(stdio|node-ipc|socket|pipe)/.test(arg))) process.argv.push('--stdio');
require('../dist/server.js');
