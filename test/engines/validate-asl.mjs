// Validates an Amazon States Language definition offline with asl-validator.
// Usage: node validate-asl.mjs definition.json
// Prints {"valid": true} or {"valid": false, "errors": "..."} and exits 0 either way.
import { readFileSync } from "node:fs";
import aslValidator from "asl-validator";

const definition = JSON.parse(readFileSync(process.argv[2], "utf8"));
const { isValid, errorsText } = aslValidator(definition);
console.log(JSON.stringify(isValid ? { valid: true } : { valid: false, errors: errorsText("\n") }));
