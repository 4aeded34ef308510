import type { FormInput } from "../questionnaire/question-types";

/** Re-posts typed values unchanged, as hidden fields: used when people confirm a change first. */
export function HiddenFields({ values }: { values: FormInput }) {
  const fields: [string, string][] = [];
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === "string") fields.push([name, value]);
    else if (Array.isArray(value)) {
      value.forEach((entry, index) => {
        if (typeof entry === "string") {
          fields.push([name, entry]);
          return;
        }
        for (const [field, fieldValue] of Object.entries(entry)) {
          const itemName = `${name}.${index}.${field}`;
          if (typeof fieldValue === "string") fields.push([itemName, fieldValue]);
          else if (Array.isArray(fieldValue)) for (const v of fieldValue) fields.push([itemName, v]);
        }
      });
    }
  }
  return (
    <>
      {fields.map(([name, value], index) => (
        <input key={`${index}:${name}`} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}
