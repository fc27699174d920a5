// An independent verifier: Node's own crypto, given nothing but identity's discovery URL.
// Proves another process can check our tokens from the published keys alone.
// Usage: node jwks-verify.mjs <identity base url> <token> <issuer> <audience>
// Prints the token's claims and exits 0 when valid; prints the reason and exits 1 otherwise.
import { createPublicKey, verify } from 'node:crypto';

const [baseUrl, token, issuer, audience] = process.argv.slice(2);
const fail = (reason) => { console.error(reason); process.exit(1); };
const decode = (part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

const discovery = await (await fetch(new URL('/.well-known/openid-configuration', baseUrl))).json();
const { keys } = await (await fetch(discovery.jwks_uri)).json();

const [headerPart, payloadPart, signaturePart] = token.split('.');
const header = decode(headerPart);
if (header.alg !== 'ES256') fail(`unexpected alg ${header.alg}`);
const jwk = keys.find((k) => k.kid === header.kid);
if (!jwk) fail(`no published key has kid ${header.kid}`);

const valid = verify('sha256', Buffer.from(`${headerPart}.${payloadPart}`),
  { key: createPublicKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' },
  Buffer.from(signaturePart, 'base64url'));
if (!valid) fail('signature does not verify');

const claims = decode(payloadPart);
const now = Math.floor(Date.now() / 1000);
if (claims.iss !== issuer || discovery.issuer !== issuer) fail(`issuer ${claims.iss} is not ${issuer}`);
if (claims.aud !== audience) fail(`audience ${claims.aud} is not ${audience}`);
if (!(claims.exp > now)) fail('token expired');
console.log(JSON.stringify(claims));
