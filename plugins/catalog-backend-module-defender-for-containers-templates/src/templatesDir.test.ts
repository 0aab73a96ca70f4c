import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { templatesDir } from './templatesDir';

describe('templatesDir', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'defender-templates-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const withTemplates = (dir: string) => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'templates.yaml'), 'kind: Location\n');
    return dir;
  };

  it("reads the repository's top-level templates/ from the package's sources", () => {
    const repository = withTemplates(path.join(root, 'templates'));
    expect(templatesDir(path.join(root, 'plugins', 'templates-module'))).toBe(
      repository,
    );
  });

  it('reads its own copy once installed, whatever sits two levels up', () => {
    const nodeModules = path.join(root, 'app', 'node_modules');
    withTemplates(path.join(nodeModules, 'templates'));
    const packageDir = path.join(nodeModules, '@defender-backstage', 'module');
    expect(templatesDir(packageDir)).toBe(path.join(packageDir, 'templates'));
  });

  it('reads its own copy when there is no repository around it', () => {
    const packageDir = path.join(root, 'unpacked', 'package');
    expect(templatesDir(packageDir)).toBe(path.join(packageDir, 'templates'));
  });

  it('finds the three templates in this repository', () => {
    const dir = templatesDir(path.resolve(__dirname, '..'));
    expect(dir).toBe(path.resolve(__dirname, '../../../templates'));
    for (const name of [
      'defender-onboard-dockerhub',
      'defender-rotate-dockerhub-token',
      'defender-offboard-dockerhub',
    ]) {
      expect(fs.existsSync(path.join(dir, name, 'template.yaml'))).toBe(true);
    }
  });
});
