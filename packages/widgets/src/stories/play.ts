// Small helpers for stories' play functions: they reach into an element's shadow root the way a
// victim would, by field id and button text, to show screens that need a step first.

/** @returns once `ready()` is true; throws after `timeoutMs`, which fails the story */
export async function until(ready: () => boolean, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!ready()) {
    if (Date.now() - start > timeoutMs) throw new Error('The story did not reach the expected screen');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** @returns the root an element renders into, or throws */
function rootOf(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`<${element.localName}> has no shadow root`);
  return element.shadowRoot;
}

/** Types `value` into the field with this id and submits its form, as pressing Enter does. */
export async function fillAndSubmit(element: Element, fieldId: string, value: string): Promise<void> {
  await until(() => rootOf(element).getElementById(fieldId) !== null);
  const field = rootOf(element).getElementById(fieldId) as HTMLInputElement;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.form?.requestSubmit();
}

/** Clicks the button whose text is `text`. */
export async function clickButton(element: Element, text: string): Promise<void> {
  const find = () => [...rootOf(element).querySelectorAll('button')].find((button) => button.textContent?.trim() === text);
  await until(() => find() !== undefined);
  find()?.click();
}
