import type { GraphQLFormattedError } from 'graphql';

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLFormattedError[];
}

/** A GraphQL request over real HTTP. */
export async function graphqlRequest<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  try {
    return JSON.parse(text) as GraphQLResponse<T>;
  } catch {
    throw new Error(`HTTP ${res.status} with a body that is not JSON: ${text.slice(0, 500)}`);
  }
}

function describe(query: string, variables: Record<string, unknown>, response: unknown): string {
  return `request:\n${query}\nvariables: ${JSON.stringify(variables)}\nresponse: ${JSON.stringify(response, null, 2)}`;
}

/** A client bound to one endpoint whose helpers print request and response when they fail. */
export function client(url: string, headers: Record<string, string> = {}) {
  return {
    url,
    raw: <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) => graphqlRequest<T>(url, query, variables, headers),
    /** The data of a response that must have no errors. */
    async ok<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any -- test data is read loosely
      const response = await graphqlRequest<T>(url, query, variables, headers);
      if (response.errors?.length || !response.data) throw new Error(`expected no errors\n${describe(query, variables, response)}`);
      return response.data;
    },
    /** The first error of a response that must fail with `code`. */
    async fails(code: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLFormattedError> {
      const response = await graphqlRequest(url, query, variables, headers);
      const error = response.errors?.[0];
      if (!error || error.extensions?.code !== code) throw new Error(`expected error ${code}\n${describe(query, variables, response)}`);
      return error;
    },
  };
}

export type TestClient = ReturnType<typeof client>;
