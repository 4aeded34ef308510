/**
 * A client's report drawn under its consultancy's branding: "Prepared by" with the logo on the
 * cover, and the logo and name in the running header. Only for views that carry `branding`
 * (a workspace's client); every other PDF is drawn exactly as before.
 *
 * The logo is the stored, re-encoded PNG (never the uploaded file), passed as a data address.
 * On the cover it is a figure with alternate text; in the running header it is decoration
 * (an artifact, like the rest of the header), since the name beside it says the same.
 */
import { Image, Text, View } from "@react-pdf/renderer";
import type { ReportBranding } from "../report/report-view";
import { COLOURS, TYPE } from "./pdf-theme";

type Logo = NonNullable<ReportBranding["logo"]>;

function logoSource(logo: Logo): string {
  return `data:image/png;base64,${logo.pngBase64}`;
}

/** The logo's size scaled to fit the box, never enlarged. */
export function fitLogo(logo: Pick<Logo, "width" | "height">, maxWidth: number, maxHeight: number) {
  const scale = Math.min(maxWidth / logo.width, maxHeight / logo.height, 1);
  return { width: Math.round(logo.width * scale * 100) / 100, height: Math.round(logo.height * scale * 100) / 100 };
}

/** "Prepared by" the workspace, with its logo, for the top of the cover or first page. */
export function PreparedByBlock({ branding, marginBottom = 14 }: { branding: ReportBranding; marginBottom?: number }) {
  const { logo } = branding;
  return (
    <View style={{ marginBottom }}>
      <View style={{ flexDirection: "row", alignItems: "center", marginBottom: 8 }}>
        {logo ? (
          <Image
            tag="Figure"
            alt={`${branding.workspaceName} logo`}
            src={logoSource(logo)}
            style={{ ...fitLogo(logo, 180, 56), marginRight: 14 }}
          />
        ) : null}
        <Text style={{ flex: 1, fontSize: 12, fontWeight: 600, lineHeight: 1.3, color: COLOURS.text, maxLines: 3 }}>
          Prepared by {branding.workspaceName}
        </Text>
      </View>
      {branding.accentColour ? <View style={{ height: 4, backgroundColor: branding.accentColour }} /> : null}
    </View>
  );
}

/** The right-hand end of the running header on a branded report: a small logo and the workspace's name. */
export function HeaderBranding({ branding }: { branding: ReportBranding }) {
  const { logo } = branding;
  return (
    <View style={{ flexDirection: "row", alignItems: "center", maxWidth: "43%", justifyContent: "flex-end" }}>
      {logo ? <Image src={logoSource(logo)} style={{ ...fitLogo(logo, 60, 12), marginRight: 5 }} /> : null}
      <Text style={{ fontSize: TYPE.min, maxLines: 1, textOverflow: "ellipsis" }}>{branding.workspaceName}</Text>
    </View>
  );
}
