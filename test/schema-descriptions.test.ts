/**
 * The schema explorer is the documentation (ARCHITECTURE.md): every type, field, argument, input field
 * and enum value of the subgraph SDL files has a description. The root types may go without one, since
 * several subgraphs define them and composition would have to choose one.
 */
import { Kind, parse, visit, type ASTNode, type DocumentNode, type StringValueNode } from 'graphql';
import { SUBGRAPH_NAMES } from '../lib/config';
import { subgraphTypeDefs } from '../lib/subgraph';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

const TYPE_DEFINITIONS = new Set<string>([
  Kind.OBJECT_TYPE_DEFINITION, Kind.INTERFACE_TYPE_DEFINITION, Kind.UNION_TYPE_DEFINITION,
  Kind.ENUM_TYPE_DEFINITION, Kind.INPUT_OBJECT_TYPE_DEFINITION, Kind.SCALAR_TYPE_DEFINITION,
]);
/** Type extensions cannot carry a description, but their fields can and must. */
const TYPE_EXTENSIONS = new Set<string>([
  Kind.OBJECT_TYPE_EXTENSION, Kind.INTERFACE_TYPE_EXTENSION, Kind.ENUM_TYPE_EXTENSION, Kind.INPUT_OBJECT_TYPE_EXTENSION,
]);

const described = (description: StringValueNode | undefined) => Boolean(description?.value.trim());
const nameOf = (node: ASTNode) => ('name' in node && node.name ? node.name.value : '?');

/**
 * The coordinates (`Type`, `Type.field`, `Type.field(arg:)`, `Input.field`, `Enum.VALUE`) of every type,
 * field, argument, input field and enum value without a description or with a blank one.
 */
function undocumented(doc: DocumentNode): string[] {
  const offenders: string[] = [];
  const path: string[] = [];
  visit(doc, {
    enter(node) {
      if (TYPE_DEFINITIONS.has(node.kind) || TYPE_EXTENSIONS.has(node.kind)) {
        const name = nameOf(node);
        path.push(name);
        const needsOne = TYPE_DEFINITIONS.has(node.kind) && !ROOT_TYPES.has(name);
        if (needsOne && 'description' in node && !described(node.description)) offenders.push(name);
        return undefined;
      }
      if (node.kind === Kind.FIELD_DEFINITION || node.kind === Kind.INPUT_VALUE_DEFINITION || node.kind === Kind.ENUM_VALUE_DEFINITION) {
        const parent = path[path.length - 1];
        const coordinate = node.kind === Kind.INPUT_VALUE_DEFINITION && parent.includes('.')
          ? `${parent}(${node.name.value}:)`
          : `${parent}.${node.name.value}`;
        if (!described(node.description)) offenders.push(coordinate);
        path.push(coordinate);
        return undefined;
      }
      // Directive definitions and their arguments are not part of this rule.
      if (node.kind === Kind.DIRECTIVE_DEFINITION) return false;
      return undefined;
    },
    leave(node) {
      const pushed = TYPE_DEFINITIONS.has(node.kind) || TYPE_EXTENSIONS.has(node.kind)
        || node.kind === Kind.FIELD_DEFINITION || node.kind === Kind.INPUT_VALUE_DEFINITION || node.kind === Kind.ENUM_VALUE_DEFINITION;
      if (pushed) path.pop();
    },
  });
  return offenders;
}

describe('undocumented', () => {
  it('names each type, field, argument, input field and enum value without a description, or with a blank one', () => {
    const doc = parse(`
      type Thing { id: ID! "Its name." name(short: Boolean, "  " long: Boolean): String }
      "Kinds." enum Kind { "The first." ONE TWO }
      "" input ThingInput { name: String "Its size." size: Int }
      scalar Blob
      "Shapes." union Shape = Thing
    `);
    expect(undocumented(doc)).toEqual([
      'Thing', 'Thing.id', 'Thing.name(short:)', 'Thing.name(long:)', 'Kind.TWO', 'ThingInput', 'ThingInput.name', 'Blob',
    ]);
  });

  it('lets the root types and type extensions go without a description, but not their fields and arguments', () => {
    const doc = parse(`
      type Query { "A thing." thing(id: ID!): String }
      extend type Mutation { doIt("What to do." what: String): String }
      type Subscription { "Changes." changed: String }
      "A described type." type Thing { "Its ID." id: ID! }
      extend type Thing { name: String }
    `);
    expect(undocumented(doc)).toEqual(['Query.thing(id:)', 'Mutation.doIt', 'Thing.name']);
  });

  it('finds nothing in a fully described schema', () => {
    const doc = parse(`
      type Query { "A thing." thing("ID of the thing to read." id: ID!): Thing }
      "A thing." type Thing { "Its ID." id: ID! }
      "Kinds." enum Kind { "The only one." ONE }
    `);
    expect(undocumented(doc)).toEqual([]);
  });
});

describe.each([...SUBGRAPH_NAMES])('schema/%s.graphql', (name) => {
  it('describes every type (but the root types), field, argument, input field and enum value', () => {
    expect(undocumented(subgraphTypeDefs(name))).toEqual([]);
  });
});
