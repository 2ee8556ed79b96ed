// Parse a GIFT file with gift-pegjs and print its questions as JSON (one array) for the pytest side.
// Usage: node parse_gift.js FILE.gift.txt
"use strict";
const fs = require("fs");
const { parse } = require("gift-pegjs");

const text = fs.readFileSync(process.argv[2], "utf8");
try {
  process.stdout.write(JSON.stringify(parse(text)));
} catch (error) {
  const where = error.location ? `line ${error.location.start.line}, column ${error.location.start.column}: ` : "";
  process.stderr.write(`gift-pegjs: ${where}${error.message}\n`);
  process.exit(1);
}
