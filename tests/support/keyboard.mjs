// A person using the keyboard alone: focus a control, then press keys.

/** Types into a box as a person would: focus, then keys (Enter makes a new line in a text area). */
export async function type(page, box, text) {
  await box.focus();
  await page.keyboard.type(text);
}

/** Presses a button or link with the keyboard. */
export async function press(page, control) {
  await control.focus();
  await page.keyboard.press("Enter");
}

/** Chooses a radio or ticks a box with the keyboard. */
export async function choose(page, control) {
  await control.focus();
  await page.keyboard.press("Space");
}
