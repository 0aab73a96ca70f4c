import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_ONBOARDING_TEMPLATE,
  onboardingHrefFrom,
  onboardingTemplateUrl,
} from './onboardingTemplateUrl';

describe('onboardingTemplateUrl', () => {
  it('prefills the organization as the scaffolder’s formData JSON', () => {
    const url = new URL(
      onboardingTemplateUrl('/create/templates/default/x', 'acme'),
      'http://app',
    );
    expect(url.pathname).toBe('/create/templates/default/x');
    expect(JSON.parse(url.searchParams.get('formData')!)).toEqual({
      organization: 'acme',
    });
    expect(onboardingTemplateUrl('/create/x', 'a&b')).toBe(
      '/create/x?formData=%7B%22organization%22%3A%22a%26b%22%7D',
    );
  });

  it('leads where the app’s route to the template leads, or nowhere without one', () => {
    const route = (p: { namespace: string; templateName: string }) =>
      `/scaffold/${p.namespace}/${p.templateName}`;
    expect(onboardingHrefFrom(route, 'onboard')('acme')).toBe(
      '/scaffold/default/onboard?formData=%7B%22organization%22%3A%22acme%22%7D',
    );
    expect(onboardingHrefFrom(undefined, 'onboard')('acme')).toBeUndefined();
  });

  it('names the template and its parameter as the templates package defines them', () => {
    const template = readFileSync(
      join(
        __dirname,
        '../../../templates/defender-onboard-dockerhub/template.yaml',
      ),
      'utf8',
    );
    expect(template).toMatch(
      new RegExp(`^ {2}name: ${DEFAULT_ONBOARDING_TEMPLATE}$`, 'm'),
    );
    expect(template).toMatch(/^ {8}organization:$/m);
  });
});
