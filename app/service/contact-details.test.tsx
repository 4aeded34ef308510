import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ContactDetails } from "./contact-details";

function render(props: { email?: string; text?: string }): string {
  return renderToStaticMarkup(createElement(ContactDetails, props));
}

describe("ContactDetails", () => {
  it("shows the configured address as a mailto link", () => {
    const html = render({ email: "digital@council.example.org" });
    expect(html).toContain('href="mailto:digital@council.example.org"');
    expect(html).toContain(">digital@council.example.org</a>");
  });

  it("shows the operator's words, as text, and no email line without an address", () => {
    const html = render({ text: "Call <b>0300 123 4567</b>" });
    expect(html).toContain("Call &lt;b&gt;0300 123 4567&lt;/b&gt;");
    expect(html).not.toContain("Email");
    expect(html).not.toContain("mailto:");
  });

  it("shows both when both are set", () => {
    const html = render({ email: "a@example.org", text: "Or call us." });
    expect(html).toContain("mailto:a@example.org");
    expect(html).toContain("Or call us.");
  });

  it("says plainly that no details are published when neither is set, and invents no address", () => {
    const html = render({});
    expect(html).toContain("has not published contact details here");
    expect(html).not.toMatch(/@|mailto:/);
  });
});
