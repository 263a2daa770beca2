/** One broken rule in a connector or playbook file: which rule, where (a JSON pointer), why. */
export interface LintFinding {
  rule: string;
  /** JSON pointer into the checked file, `#` for the whole file. */
  at: string;
  message: string;
  severity: 'error' | 'warning';
}

export function finding(rule: string, at: string, message: string): LintFinding {
  return { rule, at, message, severity: 'error' };
}

export function warning(rule: string, at: string, message: string): LintFinding {
  return { rule, at, message, severity: 'warning' };
}

export function formatFinding(file: string, item: LintFinding): string {
  return `${file} ${item.at} [${item.rule}] ${item.severity}: ${item.message}`;
}

export function pointer(...segments: Array<string | number>): string {
  const escaped = segments.map((segment) =>
    String(segment).replaceAll('~', '~0').replaceAll('/', '~1'),
  );
  return ['#', ...escaped].join('/');
}
