// Validates an Amazon States Language definition offline with asl-validator.
// Usage: node validate-asl.mjs definition.json (or --serve, see script-service.mjs)
// Prints {"valid": true} or {"valid": false, "errors": "..."} and exits 0 either way.
import aslValidator from "asl-validator";
import { serve } from "./script-service.mjs";

await serve((definition) => {
  const { isValid, errorsText } = aslValidator(definition);
  return isValid ? { valid: true } : { valid: false, errors: errorsText("\n") };
});
