/**
 * JSON Schema records: validated with Ajv (the draft the schema's `$schema` names: 2020-12, 2019-09,
 * else draft-07, Ajv's default), written as the JSON text, as Confluent's JSON Schema serializer does.
 * Pure.
 */
import Ajv, { type ErrorObject, type Options } from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { dependencyOrder, type ResolvedSchema } from './decoders';
import { childPath, SchemaValidationError } from './encode-error';

// strict: false: registry schemas carry keywords Ajv does not know (titles of other tools, "javaType").
const OPTIONS: Options = { strict: false, allErrors: false, logger: false };

function validatorFor(root: Record<string, unknown>) {
  const draft = typeof root.$schema === 'string' ? root.$schema : '';
  const ajv = draft.includes('2020-12') ? new Ajv2020(OPTIONS) : draft.includes('2019-09') ? new Ajv2019(OPTIONS) : new Ajv(OPTIONS);
  addFormats(ajv);
  return ajv;
}

/** `/lines/0/sku` (a JSON pointer) as `value.lines[0].sku`. */
function pathOf(base: string, pointer: string): string {
  if (!pointer) return base;
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^(0|[1-9][0-9]*)$/.test(part) ? `${path}[${part}]` : childPath(path, part)), base);
}

function problemOf(error: ErrorObject): string {
  const extra =
    error.keyword === 'additionalProperties'
      ? ` (${String(error.params.additionalProperty)})`
      : error.keyword === 'enum'
        ? `: ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
        : '';
  return `${error.message ?? 'does not match the schema'}${extra}`;
}

/** An encoder for `schema` (throws when the schema cannot be compiled): the JSON, validated, as UTF-8. */
export function compileJsonSchemaEncoder(schema: ResolvedSchema): (json: unknown, path: string) => Uint8Array {
  const root = JSON.parse(schema.schema) as unknown;
  const ajv = validatorFor(typeof root === 'object' && root !== null ? (root as Record<string, unknown>) : {});
  // A referenced schema is found by the name the referring schema's $ref uses.
  for (const ref of dependencyOrder(schema)) ajv.addSchema(JSON.parse(ref.schema.schema) as object, ref.name);
  const validate = ajv.compile(root as object);
  return (json, path) => {
    if (!validate(json)) {
      const [first] = validate.errors ?? [];
      throw new SchemaValidationError(first ? pathOf(path, first.instancePath) : path, first ? problemOf(first) : 'does not match the schema');
    }
    return new TextEncoder().encode(JSON.stringify(json));
  };
}
