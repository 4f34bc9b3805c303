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

describe('invalid variables', () => {
  const known = (message: string) => formatClientError({ message, extensions: { code: 'BAD_USER_INPUT' } }, new GraphQLError(message)).message;

  it('do not send secret-named input fields back, and keep the rest of the message', () => {
    expect(known('Variable "$i" got invalid value { username: "u", password: "p\\"w; at \\"x", idToken: "t" }; Field "pakId" of required type "String!" was not provided.'))
      .toBe('Variable "$i" got invalid value { username: "u", password: "<redacted>", idToken: "<redacted>" }; Field "pakId" of required type "String!" was not provided.');
  });

  it('do not repeat a scalar refused at a secret-named field', () => {
    expect(known('Variable "$i" got invalid value 12345 at "i.password"; String cannot represent a non string value: 12345'))
      .toBe('Variable "$i" got invalid value "<redacted>" at "i.password"; the value is not valid for its type.');
    expect(known('Variable "$i" got invalid value 12345 at "i.pakId"; String cannot represent a non string value: 12345'))
      .toBe('Variable "$i" got invalid value 12345 at "i.pakId"; String cannot represent a non string value: 12345');
  });
});
