// Decap CMS's own file formatters (decap-cms-core's ESM build, from package-lock.json), for the tests.
// Reads a JSON list from stdin: {format: "frontmatter" | "yaml", data, keys} to write a file the way
// Decap saves an entry, or {pattern, value} to test a config.yml pattern as Decap does (new RegExp).
// Writes the JSON list of results to stdout.
import { register } from "node:module";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

register(new URL("./hooks.mjs", import.meta.url).href);
const root = process.argv[2];
const formats = `${root}/node_modules/decap-cms-core/dist/esm/formats`;
const { FrontmatterInfer } = await import(pathToFileURL(`${formats}/frontmatter.js`).href);
const { default: yamlFormatter } = await import(pathToFileURL(`${formats}/yaml.js`).href);

const jobs = JSON.parse(readFileSync(0, "utf8"));
const results = jobs.map((job) => {
  if ("pattern" in job) return new RegExp(job.pattern).test(job.value);
  if (job.format === "frontmatter") return FrontmatterInfer.toFile(job.data, job.keys);
  return yamlFormatter.toFile(job.data, job.keys);
});
process.stdout.write(JSON.stringify(results));
