#!/usr/bin/env node
// The `postmortem` command line: check, fix, render, export, import, actions.
require('../dist/cli.js');
