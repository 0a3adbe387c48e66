// Parse a GIFT file with gift-pegjs (Moodle's GIFT grammar in PEG.js) and print its
// questions as JSON: tests/test_export_tools.py reads them back.
const { parse } = require("gift-pegjs");
const fs = require("node:fs");
process.stdout.write(JSON.stringify(parse(fs.readFileSync(process.argv[2], "utf8"))));
