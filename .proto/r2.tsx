import React from "react";
import { readFileSync } from "node:fs";
import { Document, Page, renderToBuffer } from "@react-pdf/renderer";
import { pdfFonts } from "../app/pdf/fonts.server";
import { pdfSafeData } from "../app/pdf/pdf-text";
import * as S from "../app/pdf/report-sections";
import { StrategySection } from "../app/pdf/strategy-section";
import * as A from "../app/pdf/appendix-sections";
import { View } from "@react-pdf/renderer";
const view = JSON.parse(readFileSync(`/tmp/pdfwork/metropolitan-council.json`, "utf8"));
const fonts = await pdfFonts();
const safe = pdfSafeData(view, fonts.covers);
const all: Record<string, any> = { ...S, StrategySection, ...A };
for (const name of ["VerdictSection","DimensionsSection","GapsSection","CapacitySection","RisksSection","RecommendationsSection","StrategySection","ThingsToFindOutSection","MethodSection","AnswersAppendixSection"]) {
  const C = all[name];
  try {
    const t = performance.now();
    const b = await renderToBuffer(<Document><Page size="A4" style={{ fontFamily: fonts.fontFamily, padding: 56, fontSize: 9.5 }}><C view={safe} number={1} title="T" marker={<View />} chartWidth={483} /></Page></Document>);
    console.log(name, "ok", Math.round(performance.now() - t), b.length);
  } catch (e) { console.log(name, "FAIL", (e as Error).message); }
}
