// Parse a GIFT file with gift-pegjs (Moodle's GIFT grammar in PEG.js) and print its
// questions as JSON: tests/test_export_tools.py reads them back.
const { parse } = require("gift-pegjs");
const fs = require("node:fs");
const { argv, stdout } = require("node:process");
stdout.write(JSON.stringify(parse(fs.readFileSync(argv[2], "utf8"))));
