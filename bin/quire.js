#!/usr/bin/env node
// The `quire` command: the compiled CLI, built by `npm ci` (the prepare script) or `npm run build`.
import '../dist/src/cli/main.js'
