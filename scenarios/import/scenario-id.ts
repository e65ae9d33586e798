/**
 * A scenario id's name part from any file name: lower case, every run of characters other than
 * `a-z` and `0-9` becomes one `-`, no leading or trailing `-` (`fulfill-example_2500.json` →
 * `fulfill-example-2500`, `Lager Süd.json` → `lager-sud`). A name with none of those characters
 * gives `problem`; at most 80 characters are kept.
 */
export function scenarioIdName(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.[^.]*$/, '');
  const name = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents split off by NFKD: `Ü` → `U`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return name === '' ? 'problem' : name;
}
