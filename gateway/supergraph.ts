/**
 * `@apollo/gateway` does not implement the authorization features of Federation 2.5
 * (`@requiresScopes`, `@authenticated`) and refuses a supergraph whose `@link` marks them
 * `for: SECURITY`. Here the subgraphs enforce those directives themselves (lib/auth/scopes.ts),
 * so the gateway loads the supergraph with that mark removed: the links stay, the directives stay
 * in the schema, and the checked-in file stays the standard one that Apollo Router enforces.
 */
const AUTHORIZATION_LINK = /(@link\(url: "https:\/\/specs\.apollo\.dev\/(?:requiresScopes|authenticated)\/v[\d.]+"), for: SECURITY\)/g;

export function supergraphForApolloGateway(sdl: string): string {
  return sdl.replace(AUTHORIZATION_LINK, '$1)');
}
