import React from "react";
import { Document, Page, Text, View, Font, renderToBuffer } from "@react-pdf/renderer";
import { writeFileSync } from "node:fs";
const base = "node_modules/@expo-google-fonts/public-sans/";
Font.register({ family: "Public Sans", fonts: [
  { src: base + "400Regular/PublicSans_400Regular.ttf" },
  { src: base + "700Bold/PublicSans_700Bold.ttf", fontWeight: 700 },
]});
Font.registerHyphenationCallback((w) => [w]);
const para = "Residents, Ridge landowners and farmers and Advocacy and campaign groups are hostile or sceptical, and you have no house rules and comments checked only when someone complains. Without published rules, removing an abusive post looks like censorship.";
function Doc({ exp }: { exp: boolean }) {
  return <Document title="x"><Page size="A4" style={{ fontFamily: "Public Sans", fontSize: 10, padding: 50 }} experimentalPagination={exp}>
    {process.env.FOOT ? <Text fixed render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} /> : null}
    {Array.from({ length: 400 }, (_, i) => (
      <View key={i} wrap={false} style={{ flexDirection: "row", borderBottom: "1pt solid #ccc", paddingVertical: 4 }}>
        <Text style={{ width: "30%", fontWeight: 700 }}>Row {i} label text here</Text>
        <Text style={{ width: "70%" }}>{para}</Text>
      </View>
    ))}
  </Page></Document>;
}
for (const exp of [false, true]) {
  for (let i = 0; i < 6; i++) {
    const t = performance.now();
    const buf = await renderToBuffer(<Doc exp={exp} />);
    console.log(exp ? "new" : "legacy", i, Math.round(performance.now() - t), "ms", buf.length);
    if (i === 0) writeFileSync(`/tmp/pdfwork/p1-${exp}.pdf`, buf);
  }
}
