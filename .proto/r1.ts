import { writeFileSync, readFileSync } from "node:fs";
import { renderReportPdf } from "../app/pdf/render-report.server";
const key = process.argv[2] ?? "metropolitan-council";
const view = JSON.parse(readFileSync(`/tmp/pdfwork/${key}.json`, "utf8"));
const n = Number(process.argv[3] ?? 1);
for (let i = 0; i < n; i++) {
  const t = performance.now();
  const buf = await renderReportPdf(view, { pageSize: (process.argv[4] as "A4") ?? "A4" });
  console.log(i, Math.round(performance.now() - t), "ms", buf.length);
  if (i === 0) writeFileSync(`/tmp/pdfwork/${key}.pdf`, buf);
}
