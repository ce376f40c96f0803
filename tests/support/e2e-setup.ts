import { execFileSync } from "node:child_process";

/** Browser journeys run against the production build, as people get it. */
export default function buildOnce() {
  execFileSync("npx", ["react-router", "build"], { stdio: "inherit" });
}
