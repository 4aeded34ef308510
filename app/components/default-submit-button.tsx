/**
 * Pressing Enter in a text field submits the form as if its first submit button (in page order)
 * were pressed, wherever the field is. Without JavaScript, an "Add another" list puts "Add" and
 * "Remove" submit buttons before Continue, so Enter would remove the first item. The list draws
 * this copy of Continue ahead of its own buttons, so it is the form's first submit button and
 * Enter saves the page (or shows its errors) instead. It is hidden from sight, from screen
 * readers and from the Tab order: people see and use the real Continue at the end.
 * NOTE: visually hidden rather than display:none, which some browsers (Safari) skip when they
 * choose the button that Enter presses.
 */
export function DefaultSubmitButton() {
  return (
    <button type="submit" className="govuk-visually-hidden" tabIndex={-1} aria-hidden="true" data-default-submit>
      Continue
    </button>
  );
}
