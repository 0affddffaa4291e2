// The smallest test runner of the Node scripts that print one line per check: `ok NAME`
// or `FAIL NAME` with the error, and exit 1 at the end when any failed.
let failures = 0;

export async function check(name, fn) {
  try {
    await fn();
    console.log(`ok   ${name}`);
  } catch (e) {
    failures++;
    console.log(`FAIL ${name}\n${e.stack || e}`);
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

// Ends the process with 1 when a check failed.
export function finish() {
  if (failures > 0) process.exit(1);
}
