import { prepareTemplate } from "./database.ts";

export default async function setup() {
  await prepareTemplate();
}
