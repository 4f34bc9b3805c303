/**
 * Composes the five subgraph SDL files into schema/supergraph.graphql with @apollo/composition:
 *   npm run compose            write the file
 * The routing URLs in the file are the local defaults; gateways override them by configuration.
 */
import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { PROJECT_ROOT, SUBGRAPH_NAMES, defaultSubgraphPort } from '../lib/config';

export const SUPERGRAPH_FILE = path.join(PROJECT_ROOT, 'schema', 'supergraph.graphql');

/** The supergraph SDL of the current subgraph SDL files; throws with every composition error. */
export function composeSupergraph(): string {
  const result = composeServices(SUBGRAPH_NAMES.map((name) => ({
    name,
    url: `http://localhost:${defaultSubgraphPort(name)}/graphql`,
    typeDefs: parse(fs.readFileSync(path.join(PROJECT_ROOT, 'schema', `${name}.graphql`), 'utf8')),
  })));
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl.endsWith('\n') ? result.supergraphSdl : `${result.supergraphSdl}\n`;
}

if (require.main === module) {
  fs.writeFileSync(SUPERGRAPH_FILE, composeSupergraph());
  console.log(`wrote ${path.relative(PROJECT_ROOT, SUPERGRAPH_FILE)}`);
}
