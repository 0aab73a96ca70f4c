// What the browser tests read off the Defender for Containers card and the onboarding form.
import type { Locator, Page } from 'playwright-core';

/** The card on an entity page (catalog-react's EntityInfoCard titled "Defender for Containers"). */
export function defenderCard(page: Page): Locator {
  return page
    .locator('.bui-Card')
    .filter({
      has: page.getByRole('heading', {
        level: 3,
        name: 'Defender for Containers',
        exact: true,
      }),
    })
    .first();
}

/** One connector's section of the card, by its heading "Docker Hub <organization>". */
export function connectorSection(card: Locator, organization: string): Locator {
  return card.locator('section').filter({
    has: card.page().getByRole('heading', {
      name: `Docker Hub ${organization}`,
      exact: true,
    }),
  });
}

/** Its status label (icon and text), e.g. "Healthy". */
export function statusOf(section: Locator): Locator {
  return section.locator('[data-status]').first();
}

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * Each label of the form's MUI fields with the box of the value it labels (the select's shown
 * value, or the input), as the browser lays them out now.
 */
export async function labelAndValueBoxes(
  page: Page,
  labels: string[],
): Promise<Array<{ label: string; labelBox: Box; valueBox: Box }>> {
  return page.evaluate(names => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    };
    return names.map(name => {
      const label = [...document.querySelectorAll('label')].find(l =>
        l.textContent?.trim().startsWith(name),
      );
      if (!label) throw new Error(`no label ${name}`);
      const value = label
        .closest('.MuiFormControl-root')
        ?.querySelector('.MuiSelect-select, input');
      if (!value) throw new Error(`no value for ${name}`);
      return { label: name, labelBox: box(label), valueBox: box(value) };
    });
  }, labels);
}

export function intersects(a: Box, b: Box): boolean {
  return (
    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
  );
}
