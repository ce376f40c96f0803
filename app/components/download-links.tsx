import { Paragraph } from "@utrecht/component-library-react";

/** A staff list's two downloads side by side: the same file stem as CSV (for any tool) and as Excel. */
export function DownloadLinks({ stem, csv, xlsx }: { stem: string; csv: string; xlsx: string }) {
  return (
    <Paragraph>
      <a className="nl-link" href={`${stem}.csv`} download>
        {csv}
      </a>{" "}
      ·{" "}
      <a className="nl-link" href={`${stem}.xlsx`} download>
        {xlsx}
      </a>
    </Paragraph>
  );
}
