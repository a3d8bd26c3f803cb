import { AsyncLocalStorage } from 'node:async_hooks';
import { loadModule, parseSync } from 'libpg-query';
import { DISTRIBUTION_COLUMN, placementOf } from '../db/distribution';

// Every SQL statement the tests send, checked with PostgreSQL's own parser for what Citus needs
// to run it on one shard (docs/SCALING.md): each distributed table it reads, joins, updates or
// deletes from is pinned to one organisation (org_id = a parameter or a constant, directly or
// through equal org_id columns of tables pinned so), every insert names org_id, and no update
// changes it. src/test-setup/query-log.test.ts shows what passes and what does not.

type Ast = { [key: string]: unknown };

const PINNED = 'pinned';

function isAst(value: unknown): value is Ast {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(node: unknown, key: string): Ast | undefined {
  if (!isAst(node)) return undefined;
  const value = node[key];
  return isAst(value) ? value : undefined;
}

function children(node: unknown, key: string): unknown[] {
  if (!isAst(node)) return [];
  const value = node[key];
  return Array.isArray(value) ? value : [];
}

function text(node: unknown, key: string): string | undefined {
  if (!isAst(node)) return undefined;
  const value = node[key];
  return typeof value === 'string' ? value : undefined;
}

/** Union-find over terms ("scope:alias.column", "param:N" or PINNED for a constant). */
class Equalities {
  private parent = new Map<string, string>();
  private terms = new Set<string>();
  find(term: string): string {
    const up = this.parent.get(term);
    if (up === undefined || up === term) return term;
    const root = this.find(up);
    this.parent.set(term, root);
    return root;
  }
  join(a: string, b: string) {
    this.terms.add(a).add(b);
    this.parent.set(this.find(a), this.find(b));
  }
  private members(term: string): string[] {
    const root = this.find(term);
    return [...this.terms, term].filter((t) => this.find(t) === root);
  }
  /** Whether the term equals a constant or a parameter. */
  isPinned(term: string) {
    return this.members(term).some((t) => t === PINNED || t.startsWith('param:'));
  }
  /** The parameters (1-based) the term equals. */
  parameters(term: string): number[] {
    return this.members(term)
      .filter((t) => t.startsWith('param:'))
      .map((t) => Number(t.slice('param:'.length)));
  }
}

type Scope = {
  id: number;
  /** alias → table, for the tables of this scope's FROM (CTE references map to undefined). */
  tables: Map<string, string | undefined>;
  ctes: Set<string>;
  parent: Scope | undefined;
};

export type Violation = { statement: string; problem: string };

/** What is wrong with a SQL text, and which of its parameters give the organisation. */
export type Analysis = { problems: string[]; orgParameters: number[] };

class Checker {
  private readonly problems: string[] = [];
  // Pinning is decided once the whole statement is read: a sub-query may be pinned by a
  // condition of its outer query that comes after it.
  private readonly pending: { term: string; problem: string }[] = [];
  private nextScope = 0;
  private equalities = new Equalities();

  result(): Analysis {
    const unpinned = this.pending.filter(({ term }) => !this.equalities.isPinned(term));
    const orgParameters = this.pending.flatMap(({ term }) => this.equalities.parameters(term));
    return {
      problems: [...this.problems, ...unpinned.map(({ problem }) => problem)],
      orgParameters: [...new Set(orgParameters)].sort((a, b) => a - b),
    };
  }

  statement(node: Ast, parent: Scope | undefined) {
    const [kind, body] = Object.entries(node)[0] ?? [];
    if (!kind || !isAst(body)) return;
    if (kind === 'SelectStmt') this.select(body, parent);
    else if (kind === 'InsertStmt') this.insert(body, parent);
    else if (kind === 'UpdateStmt') this.update(body, parent);
    else if (kind === 'DeleteStmt') this.delete(body, parent);
    else if (kind === 'ExplainStmt') this.statement(child(body, 'query') ?? {}, parent);
  }

  private newScope(parent: Scope | undefined): Scope {
    return { id: this.nextScope++, tables: new Map(), ctes: new Set(), parent };
  }

  private withClause(body: Ast, scope: Scope) {
    const ctes = children(child(body, 'withClause'), 'ctes');
    for (const cte of ctes) {
      const name = text(child(cte, 'CommonTableExpr'), 'ctename');
      if (name) scope.ctes.add(name);
    }
    for (const cte of ctes) {
      this.statement(child(child(cte, 'CommonTableExpr'), 'ctequery') ?? {}, scope);
    }
  }

  private isCte(name: string, scope: Scope | undefined): boolean {
    for (let s = scope; s; s = s.parent) if (s.ctes.has(name)) return true;
    return false;
  }

  /** Adds a FROM item's tables to the scope and returns the join conditions inside it. */
  private from(item: unknown, scope: Scope): unknown[] {
    const rangeVar = child(item, 'RangeVar');
    if (rangeVar) {
      this.table(rangeVar, scope);
      return [];
    }
    const join = child(item, 'JoinExpr');
    if (join) {
      return [
        ...this.from(join['larg'], scope),
        ...this.from(join['rarg'], scope),
        ...(join['quals'] ? [join['quals']] : []),
      ];
    }
    const subselect = child(item, 'RangeSubselect');
    // A LATERAL sub-query sees the FROM items before it; another one sees only the outer query.
    const sees = subselect?.['lateral'] === true ? scope : scope.parent;
    if (subselect) this.statement(child(subselect, 'subquery') ?? {}, sees);
    return [];
  }

  private table(rangeVar: Ast, scope: Scope) {
    const name = text(rangeVar, 'relname') ?? '';
    const alias = text(child(rangeVar, 'alias'), 'aliasname') ?? name;
    const isTenant = !this.isCte(name, scope) && placementOf(name) === 'distributed';
    scope.tables.set(alias, isTenant ? name : undefined);
  }

  /** The term for a column reference, or undefined when it names no table of these scopes. */
  private column(ref: Ast, scope: Scope): string | undefined {
    const fields = children(ref, 'fields').map((f) => text(child(f, 'String'), 'sval'));
    const column = fields.at(-1);
    const qualifier = fields.length > 1 ? fields.at(-2) : undefined;
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      if (qualifier !== undefined) {
        if (s.tables.has(qualifier)) return `${s.id}:${qualifier}.${column}`;
        continue;
      }
      const tenants = [...s.tables].filter(([, table]) => table !== undefined);
      if (tenants.length === 1 && tenants[0]) return `${s.id}:${tenants[0][0]}.${column}`;
      if (tenants.length > 1) return undefined;
    }
    return undefined;
  }

  private term(expr: unknown, scope: Scope): string | undefined {
    const cast = child(expr, 'TypeCast');
    if (cast) return this.term(cast['arg'], scope);
    const param = child(expr, 'ParamRef');
    if (param) return `param:${String(param['number'])}`;
    if (child(expr, 'A_Const')) return PINNED;
    const ref = child(expr, 'ColumnRef');
    return ref ? this.column(ref, scope) : undefined;
  }

  /** Records the `a = b` conjuncts of a condition, and checks the sub-queries inside it. */
  private condition(expr: unknown, scope: Scope) {
    const bool = child(expr, 'BoolExpr');
    if (bool && text(bool, 'boolop') === 'AND_EXPR') {
      for (const arg of children(bool, 'args')) this.condition(arg, scope);
      return;
    }
    const op = child(expr, 'A_Expr');
    const name = children(op, 'name').map((n) => text(child(n, 'String'), 'sval'));
    if (op && text(op, 'kind') === 'AEXPR_OP' && name.join() === '=') {
      const left = this.term(op['lexpr'], scope);
      const right = this.term(op['rexpr'], scope);
      if (left && right) this.equalities.join(left, right);
    }
    this.subqueries(expr, scope);
  }

  /** Checks every sub-query (EXISTS, IN, scalar) found under a node, correlated with the scope. */
  private subqueries(node: unknown, scope: Scope) {
    if (Array.isArray(node)) {
      for (const item of node) this.subqueries(item, scope);
      return;
    }
    if (!isAst(node)) return;
    const link = child(node, 'SubLink');
    if (link) {
      this.subqueries(link['testexpr'], scope);
      this.statement(child(link, 'subselect') ?? {}, scope);
      return;
    }
    for (const value of Object.values(node)) this.subqueries(value, scope);
  }

  private requirePinned(scope: Scope, verb: string) {
    for (const [alias, table] of scope.tables) {
      if (table === undefined) continue;
      this.pending.push({
        term: `${scope.id}:${alias}.${DISTRIBUTION_COLUMN}`,
        problem: `${verb} ${table}${alias === table ? '' : ` (as ${alias})`} without org_id`,
      });
    }
  }

  private select(body: Ast, parent: Scope | undefined) {
    if (text(body, 'op') && text(body, 'op') !== 'SETOP_NONE') {
      const scope = this.newScope(parent);
      this.withClause(body, scope);
      this.statement({ SelectStmt: body['larg'] }, scope);
      this.statement({ SelectStmt: body['rarg'] }, scope);
      return;
    }
    const scope = this.newScope(parent);
    this.withClause(body, scope);
    const conditions = children(body, 'fromClause').flatMap((item) => this.from(item, scope));
    for (const condition of [...conditions, body['whereClause']]) this.condition(condition, scope);
    this.subqueries([body['targetList'], body['havingClause'], body['valuesLists']], scope);
    this.requirePinned(scope, 'reads');
  }

  private insert(body: Ast, parent: Scope | undefined) {
    const scope = this.newScope(parent);
    this.withClause(body, scope);
    const table = text(child(body, 'relation'), 'relname') ?? '';
    if (placementOf(table) === 'distributed') {
      const columns = children(body, 'cols').map((c) => text(child(c, 'ResTarget'), 'name'));
      if (!columns.includes(DISTRIBUTION_COLUMN))
        this.problems.push(`inserts ${table} without org_id`);
      const conflict = child(body, 'onConflictClause');
      this.forbidSettingOrg(children(conflict, 'targetList'), table);
    }
    this.statement({ SelectStmt: body['selectStmt'] }, scope);
  }

  private forbidSettingOrg(targets: unknown[], table: string) {
    const names = targets.map((t) => text(child(t, 'ResTarget'), 'name'));
    if (names.includes(DISTRIBUTION_COLUMN)) this.problems.push(`changes org_id of ${table}`);
  }

  private update(body: Ast, parent: Scope | undefined) {
    this.modify(body, parent, 'fromClause', 'updates');
    const table = text(child(body, 'relation'), 'relname') ?? '';
    if (placementOf(table) === 'distributed')
      this.forbidSettingOrg(children(body, 'targetList'), table);
  }

  private delete(body: Ast, parent: Scope | undefined) {
    this.modify(body, parent, 'usingClause', 'deletes from');
  }

  private modify(body: Ast, parent: Scope | undefined, fromKey: string, verb: string) {
    const scope = this.newScope(parent);
    this.withClause(body, scope);
    const relation = child(body, 'relation');
    if (relation) this.table(relation, scope);
    const conditions = children(body, fromKey).flatMap((item) => this.from(item, scope));
    for (const condition of [...conditions, body['whereClause']]) this.condition(condition, scope);
    this.subqueries([body['targetList'], body['returningList']], scope);
    this.requirePinned(scope, verb);
  }
}

let loaded: Promise<void> | undefined;

/** Loads the parser (WebAssembly) once. */
export function loadParser(): Promise<void> {
  loaded ??= loadModule();
  return loaded;
}

/** What is wrong with one SQL text for Citus, and the parameters that pin org_id in it. */
export function analyseStatement(sqlText: string): Analysis {
  let parsed: unknown;
  try {
    parsed = parseSync(sqlText);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problems: [`does not parse: ${reason}`], orgParameters: [] };
  }
  const checker = new Checker();
  for (const raw of children(parsed, 'stmts')) {
    const statement = child(raw, 'stmt');
    if (statement) checker.statement(statement, undefined);
  }
  return checker.result();
}

/** What is wrong with one SQL text for Citus; [] when every statement in it is fine. */
export function checkStatement(sqlText: string): string[] {
  return analyseStatement(sqlText).problems;
}

// The log: what the application sent while serving each HTTP request of the test server
// (src/http/test-server.ts runs each request inside duringRequest). What a test sends itself,
// to set up or to check across organisations, is not the application's.

type Sent = { sql: string; params: readonly unknown[] };
type Request = { name: string; sent: Sent[] };

const requests: Request[] = [];
const serving = new AsyncLocalStorage<Request>();

/** Runs the rest of a request's handling with its statements logged under its name. */
export function duringRequest(name: string, next: () => void) {
  const request: Request = { name, sent: [] };
  requests.push(request);
  serving.run(request, next);
}

/** Records one statement (the database handles of the tests call this for each). */
export function logStatement(sql: string, params: readonly unknown[]) {
  serving.getStore()?.sent.push({ sql, params });
}

/** Records what one CLI command sent (read back from its statement log), as one request. */
export function logCommand(name: string, sent: Sent[]) {
  requests.push({ name, sent });
}

/** The statements logged so far (for the test of the log itself). */
export function loggedStatements(): string[] {
  return requests.flatMap((request) => request.sent.map((sent) => sent.sql));
}

/**
 * What is wrong with the logged statements: each one not bound to one organisation, and each
 * request whose statements name more than one (but the statements and requests `allowed`); then
 * clears the log.
 */
export async function takeViolations(
  allowed: { statements?: readonly RegExp[]; requests?: readonly RegExp[] } = {},
): Promise<Violation[]> {
  await loadParser();
  const taken = requests.splice(0);
  const analyses = new Map<string, Analysis>();
  const analysisOf = (sql: string) => {
    let analysis = analyses.get(sql);
    if (!analysis) analyses.set(sql, (analysis = analyseStatement(sql)));
    return analysis;
  };
  const violations: Violation[] = [];
  const reported = new Set<string>();
  for (const request of taken) {
    const organisations = new Set<string>();
    for (const { sql, params } of request.sent) {
      if (allowed.statements?.some((pattern) => pattern.test(sql))) continue;
      const { problems, orgParameters } = analysisOf(sql);
      for (const problem of problems) {
        if (!reported.has(sql + problem)) violations.push({ statement: sql, problem });
        reported.add(sql + problem);
      }
      for (const n of orgParameters) organisations.add(String(params[n - 1]));
    }
    if (
      organisations.size > 1 &&
      !allowed.requests?.some((pattern) => pattern.test(request.name))
    ) {
      violations.push({
        statement: request.name,
        problem: `one request reads or writes ${organisations.size} organisations`,
      });
    }
  }
  return violations;
}
