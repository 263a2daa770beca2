/**
 * Evaluates the ARM template expressions the project's playbook templates use, so the CLI
 * can create their resources through the Logic Apps and Web APIs without a deployment. Only
 * these functions are known: parameters, variables, concat, if, empty, equals, json,
 * createObject, string, length, resourceGroup, subscription, resourceId. Any other stops the
 * evaluation with an error naming it (use `az deployment group create` for such a template).
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions
 */

export interface ArmContext {
  subscriptionId: string;
  resourceGroupName: string;
  location: string;
  parameters: Record<string, unknown>;
  variables: Record<string, unknown>;
}

export class ArmExpressionError extends Error {
  readonly code = 'arm_expression_unsupported';

  constructor(
    message: string,
    readonly expression: string,
  ) {
    super(`${message} in ${expression}`);
    this.name = 'ArmExpressionError';
  }
}

type Token = { kind: 'name' | 'string' | 'number' | 'punct'; text: string };

/** Every string of a value that is an expression, evaluated; `[[` unescaped to `[`. */
export function evaluateDeep(value: unknown, context: ArmContext): unknown {
  if (typeof value === 'string') return evaluateString(value, context);
  if (Array.isArray(value)) return value.map((item) => evaluateDeep(item, context));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, evaluateDeep(inner, context)]),
  );
}

export function evaluateString(text: string, context: ArmContext): unknown {
  if (text.startsWith('[[')) return text.slice(1);
  if (!text.startsWith('[') || !text.endsWith(']')) return text;

  const parser = new Parser(tokenize(text.slice(1, -1), text), text, context);
  const result = parser.expression();
  parser.end();
  return result;
}

function tokenize(source: string, expression: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source[index] ?? '';
    if (/\s/.test(char)) {
      index += 1;
    } else if (char === "'") {
      let text = '';
      index += 1;
      while (index < source.length) {
        if (source[index] === "'" && source[index + 1] === "'") {
          text += "'";
          index += 2;
        } else if (source[index] === "'") break;
        else text += source[index++];
      }
      if (source[index] !== "'") throw new ArmExpressionError('an unterminated string', expression);
      index += 1;
      tokens.push({ kind: 'string', text });
    } else if (/[0-9-]/.test(char)) {
      const match = /^-?[0-9]+/.exec(source.slice(index))?.[0] ?? char;
      tokens.push({ kind: 'number', text: match });
      index += match.length;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(index))?.[0] ?? char;
      tokens.push({ kind: 'name', text: match });
      index += match.length;
    } else if ('(),.[]'.includes(char)) {
      tokens.push({ kind: 'punct', text: char });
      index += 1;
    } else {
      throw new ArmExpressionError(`an unexpected '${char}'`, expression);
    }
  }
  return tokens;
}

class Parser {
  private position = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
    private readonly context: ArmContext,
  ) {}

  expression(): unknown {
    let value = this.primary();
    for (;;) {
      if (this.accept('.')) {
        const name = this.take('name').text;
        value = (value as Record<string, unknown> | undefined)?.[name];
      } else if (this.accept('[')) {
        const key = this.expression();
        this.expect(']');
        value = (value as Record<string, unknown> | undefined)?.[String(key)];
      } else return value;
    }
  }

  end(): void {
    if (this.position < this.tokens.length)
      throw new ArmExpressionError('trailing text', this.source);
  }

  private primary(): unknown {
    const token = this.tokens[this.position];
    if (!token) throw new ArmExpressionError('an incomplete expression', this.source);
    if (token.kind === 'string') return (this.position++, token.text);
    if (token.kind === 'number') return (this.position++, Number(token.text));

    const name = this.take('name').text;
    this.expect('(');
    const args: unknown[] = [];
    if (!this.accept(')')) {
      do args.push(this.expression());
      while (this.accept(','));
      this.expect(')');
    }
    return this.call(name, args);
  }

  private call(name: string, args: unknown[]): unknown {
    const { context } = this;
    switch (name.toLowerCase()) {
      case 'parameters':
        return this.lookup(context.parameters, String(args[0]), 'parameter');
      case 'variables':
        return evaluateDeep(this.lookup(context.variables, String(args[0]), 'variable'), context);
      case 'concat':
        return args.every(Array.isArray) ? args.flat() : args.map((arg) => String(arg)).join('');
      case 'if':
        return args[0] ? args[1] : args[2];
      case 'empty':
        return isEmpty(args[0]);
      case 'equals':
        return JSON.stringify(args[0]) === JSON.stringify(args[1]);
      case 'json':
        return JSON.parse(String(args[0])) as unknown;
      case 'createobject':
        return Object.fromEntries(pairs(args));
      case 'string':
        return typeof args[0] === 'string' ? args[0] : JSON.stringify(args[0]);
      case 'length':
        return typeof args[0] === 'string' || Array.isArray(args[0])
          ? args[0].length
          : Object.keys(args[0] ?? {}).length;
      case 'resourcegroup':
        return {
          name: context.resourceGroupName,
          location: context.location,
          id: `/subscriptions/${context.subscriptionId}/resourceGroups/${context.resourceGroupName}`,
        };
      case 'subscription':
        return {
          subscriptionId: context.subscriptionId,
          id: `/subscriptions/${context.subscriptionId}`,
        };
      case 'resourceid':
        return resourceId(context, args.map(String));
      default:
        throw new ArmExpressionError(`the function '${name}' is not supported here`, this.source);
    }
  }

  private lookup(source: Record<string, unknown>, name: string, what: string): unknown {
    if (!(name in source)) throw new ArmExpressionError(`no ${what} '${name}'`, this.source);
    return source[name];
  }

  private accept(text: string): boolean {
    const token = this.tokens[this.position];
    if (token?.kind === 'punct' && token.text === text) {
      this.position += 1;
      return true;
    }
    return false;
  }

  private expect(text: string): void {
    if (!this.accept(text)) throw new ArmExpressionError(`'${text}' expected`, this.source);
  }

  private take(kind: Token['kind']): Token {
    const token = this.tokens[this.position];
    if (token?.kind !== kind) throw new ArmExpressionError(`a ${kind} expected`, this.source);
    this.position += 1;
    return token;
  }
}

/** resourceId([resourceGroup,] 'Provider/type[/child]', name[, childName]) in this subscription. */
function resourceId(context: ArmContext, args: string[]): string {
  const typed = args[0]?.includes('/') ? args : args.slice(1);
  const group = args[0]?.includes('/') ? context.resourceGroupName : args[0];
  const [type = '', ...names] = typed;
  const [namespace, ...types] = type.split('/');
  const segments = types.flatMap((segment, index) => [segment, names[index] ?? '']);
  const groupId = `/subscriptions/${context.subscriptionId}/resourceGroups/${group}`;
  return `${groupId}/providers/${namespace}/${segments.join('/')}`;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

function pairs(args: unknown[]): Array<[string, unknown]> {
  const result: Array<[string, unknown]> = [];
  for (let index = 0; index + 1 < args.length; index += 2)
    result.push([String(args[index]), args[index + 1]]);
  return result;
}
