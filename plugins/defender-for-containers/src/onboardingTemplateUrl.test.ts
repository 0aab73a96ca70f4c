import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_ONBOARDING_TEMPLATE_PATH,
  onboardingTemplateUrl,
} from './onboardingTemplateUrl';

describe('onboardingTemplateUrl', () => {
  it('prefills the organization as the scaffolder’s formData JSON', () => {
    const url = new URL(onboardingTemplateUrl('acme'), 'http://app');
    expect(url.pathname).toBe(DEFAULT_ONBOARDING_TEMPLATE_PATH);
    expect(JSON.parse(url.searchParams.get('formData')!)).toEqual({
      organization: 'acme',
    });
    expect(onboardingTemplateUrl('a&b', '/create/x')).toBe(
      '/create/x?formData=%7B%22organization%22%3A%22a%26b%22%7D',
    );
  });

  it('names the template and its parameter as the templates package defines them', () => {
    const template = readFileSync(
      join(
        __dirname,
        '../../../templates/defender-onboard-dockerhub/template.yaml',
      ),
      'utf8',
    );
    expect(template).toMatch(/^ {2}name: defender-onboard-dockerhub$/m);
    expect(template).toMatch(/^ {8}organization:$/m);
    expect(DEFAULT_ONBOARDING_TEMPLATE_PATH.split('/').pop()).toBe(
      'defender-onboard-dockerhub',
    );
  });
});
