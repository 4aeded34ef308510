/**
 * "Where your team disagreed" in the PDFs: the questions a workshop's participants disagreed on
 * most, each under its own tagged heading with the spread, the band, the answer the group agreed
 * and its reason as a label-and-value table. Before section 1, outside the numbering, as the
 * re-assessment's comparison is. The board summary carries the first few only.
 *
 * Takes findings already made safe to typeset (`pdfSafeData`, as `renderReportPdf` does).
 */
import { View } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import type { WorkshopFindings } from "../../scoring/workshop-findings";
import {
  divergentRows,
  WORKSHOP_SECTION,
  workshopIntro,
  workshopListIntro,
  workshopMethodPointer,
} from "../report/workshop-wording";
import { Heading3, Paragraph, SectionOpening, SummaryTable } from "./pdf-blocks";

export function WorkshopSection({
  findings,
  marker,
  number,
  limit,
  pointer = true,
}: {
  findings: WorkshopFindings;
  /** The page tracker's marker for this section. */
  marker: ReactElement;
  /** The words shown in place of a section number. */
  number: string;
  /** How many questions to carry: all the findings have, or fewer for the board summary. */
  limit?: number;
  /** Whether to point to the method section (the board summary has none). */
  pointer?: boolean;
}) {
  const shown = findings.divergent.slice(0, limit ?? findings.divergent.length);
  return (
    <>
      <SectionOpening number={number} title={WORKSHOP_SECTION.title} marker={marker} lede={workshopIntro(findings)} />
      <Paragraph>{workshopListIntro(findings, shown.length)}</Paragraph>
      {shown.map((question) => (
        <View key={question.questionId}>
          <Heading3 level={2}>{question.label}</Heading3>
          <SummaryTable rows={divergentRows(question)} />
        </View>
      ))}
      {pointer ? <Paragraph muted>{workshopMethodPointer()}</Paragraph> : null}
    </>
  );
}
