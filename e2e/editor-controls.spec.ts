/** Every param kind has a control made from its declaration, and each change is one undo step. */
import { expect, test } from '@playwright/test';
import { card, clickCanvas, doc, graphOf, load, openEditor } from './editor-helpers';

// A 2×2 PNG (red, green, blue, white).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

test('controls for digits, components, images, number-or-auto, range, choice and switches', async ({
  page,
}) => {
  await openEditor(page);
  await load(
    page,
    graphOf([
      { id: 'mnist', type: 'data.mnist', position: [0, 0] },
      { id: 'mix', type: 'data.mixture', position: [300, 0] },
      { id: 'imgs', type: 'data.images', position: [600, 0] },
      { id: 'lang', type: 'sample.langevin', position: [900, 0] },
    ]),
  );
  const params = async (id: string): Promise<Record<string, unknown>> =>
    (await doc(page)).nodes.find((n) => n.id === id)!.params ?? {};
  const undoSteps: string[] = [];
  const remember = async () => undoSteps.push(JSON.stringify(await doc(page)));
  await remember();

  // Digits: toggling 3 off leaves the other nine.
  await card(page, 'mnist').getByTestId('control-digits').getByRole('button', { name: 'digit 3' }).click();
  expect((await params('mnist')).digits).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9]);
  await remember();

  // Components: add one, then edit its std.
  const components = card(page, 'mix').getByTestId('control-components');
  const before = ((await params('mix')).components as unknown[] | undefined)?.length ?? 0;
  await components.getByRole('button', { name: '+ component' }).click();
  await remember();
  const count = ((await params('mix')).components as unknown[]).length;
  expect(count).toBeGreaterThan(before || 1);
  const std = components.getByRole('textbox', { name: `component ${count} std` });
  await std.fill('0.25');
  await std.press('Enter');
  expect(((await params('mix')).components as { std: number }[])[count - 1].std).toBe(0.25);
  await remember();

  // Images: a PNG chosen with the file picker becomes a data URL param.
  await card(page, 'imgs').getByTestId('control-images').locator('input[type="file"]').setInputFiles({
    name: 'dot.png',
    mimeType: 'image/png',
    buffer: PNG,
  });
  await expect.poll(async () => ((await params('imgs')).images as string[] | undefined)?.length).toBe(1);
  expect(((await params('imgs')).images as string[])[0]).toMatch(/^data:image\/png;base64,/);
  await remember();

  // Number-or-auto: untick auto, type a value.
  const stepSize = card(page, 'lang').getByTestId('control-stepSize');
  await stepSize.getByRole('checkbox').uncheck();
  expect(typeof (await params('lang')).stepSize).toBe('number');
  await remember();
  const field = stepSize.locator('input.num');
  await field.fill('2e-5');
  await field.press('Enter');
  expect((await params('lang')).stepSize).toBe(2e-5);
  await remember();

  // Range: the high end.
  const high = card(page, 'lang').getByTestId('control-initRange').getByRole('textbox', { name: 'high' });
  await high.fill('2');
  await high.press('Enter');
  expect((await params('lang')).initRange).toEqual([0, 2]);
  await remember();

  // Choice (with the chosen option's doc) and a switch.
  const rule = card(page, 'lang').getByTestId('control-rule');
  await rule.locator('select').selectOption('ncsn');
  expect((await params('lang')).rule).toBe('ncsn');
  await expect(rule.locator('.hint')).toContainText('NCSN paper');
  await remember();
  await card(page, 'lang').getByTestId('control-denoise').locator('label.switch').click();
  expect((await params('lang')).denoise).toBe(false);
  await remember();

  // Each change above was one undo step.
  await clickCanvas(page);
  for (let i = undoSteps.length - 2; i >= 0; i--) {
    await page.keyboard.press('Control+z');
    expect(JSON.stringify(await doc(page))).toBe(undoSteps[i]);
  }
});
