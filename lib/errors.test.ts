import { GraphQLError } from 'graphql';
import { formatClientError, redactedForLog } from './errors';

describe('internal errors', () => {
  const driverError = Object.assign(
    new Error(`insert into "licenses_webhook_endpoint" ("id", "signing_secret_sealed") values ('e1', 'v1.sealed-secret''s bytes') - duplicate key`),
    { name: 'DriverException' },
  );

  it('are logged without the values of the SQL statement', () => {
    const logged = redactedForLog(driverError);
    expect(logged).toContain(`insert into "licenses_webhook_endpoint" ("id", "signing_secret_sealed") values ('?', '?') - duplicate key`);
    expect(logged).not.toContain('sealed-secret');
    expect(redactedForLog(`plain 'text'`)).toBe(`plain '?'`);
  });

  it('reach clients as INTERNAL_SERVER_ERROR with no message, and the log holds no values', () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const graphqlError = new GraphQLError(driverError.message, { originalError: driverError });
      expect(formatClientError(graphqlError.toJSON(), graphqlError)).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(spy).toHaveBeenCalledTimes(1);
      expect(JSON.stringify(spy.mock.calls[0])).not.toContain('sealed-secret');
    } finally {
      spy.mockRestore();
    }
  });
});
