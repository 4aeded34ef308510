import * as fontkit from "fontkit";
const f = fontkit.openSync("node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
for (const c of ["\uFFFD","\u200B","\u00AD","\u2011", "ĳ","→","✓","🙂","ا","ש","中","\u25A1"]) console.log(JSON.stringify(c), c.codePointAt(0).toString(16), f.hasGlyphForCodePoint(c.codePointAt(0)));
const p = fontkit.openSync("node_modules/@expo-google-fonts/public-sans/400Regular/PublicSans_400Regular.ttf");
for (const c of ["\uFFFD","\u200B","\u00AD","\u2011","\u00A0","\u2009","\u202F","\u2212","\u00D7","\u2022","\u25CF","\u2014","\u2192","\u2713", "\u2265", "\u00B7"]) console.log("PS", JSON.stringify(c), c.codePointAt(0).toString(16), p.hasGlyphForCodePoint(c.codePointAt(0)));
