// Bundled for the browser (vite, esbuild, webpack): the main entry uses no Node built-ins.
import { equalShares, parsePabulib } from "@samenspel/pb";

document.querySelector("#file").addEventListener("change", async (event) => {
  const bytes = new Uint8Array(await event.target.files[0].arrayBuffer());
  const outcome = equalShares(parsePabulib(bytes), { satisfaction: "cost", completion: "add1" });
  document.querySelector("#outcome").textContent = outcome.selected.join(", ");
});
