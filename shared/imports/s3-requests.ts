import { createHash } from 'node:crypto';
import { type IncomingHttpHeaders, type IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { Sha256 } from '@smithy/core/checksum';
import { HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';
import { objectAddress, type S3Location } from './object-address';

/** The S3 operations the object store sends, by their API names (what IAM and the local grant checks see). */
export type S3Operation =
  | 'HeadObject'
  | 'GetObject'
  | 'PutObject'
  | 'CreateMultipartUpload'
  | 'UploadPart'
  | 'CompleteMultipartUpload'
  | 'AbortMultipartUpload';

const METHODS: Record<S3Operation, string> = {
  HeadObject: 'HEAD',
  GetObject: 'GET',
  PutObject: 'PUT',
  CreateMultipartUpload: 'POST',
  UploadPart: 'PUT',
  CompleteMultipartUpload: 'POST',
  AbortMultipartUpload: 'DELETE',
};

export interface S3Command {
  operation: S3Operation;
  /** As the SDK's input names them, so that a grant check reads the same fields. */
  input: { Bucket: string; Key: string; UploadId?: string };
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface S3Answer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The response body, unread: the caller reads or drains it. */
  body: IncomingMessage;
}

/** What S3 refused, named as the SDK names it (`NoSuchKey`, `AccessDenied`, `NotFound` for a bare HEAD 404). */
export class S3RequestError extends Error {
  readonly $metadata: { httpStatusCode: number };
  constructor(name: string, message: string, status: number) {
    super(message);
    this.name = name;
    this.$metadata = { httpStatusCode: status };
  }
}

/** Attempts of a request S3 answered with a throttle or a server error, or that lost its connection. */
const MAX_ATTEMPTS = 3;
const RETRIED_STATUSES = new Set([429, 500, 502, 503, 504]);
/** How long a connection may stay silent before the request is dropped (and retried). */
const SOCKET_IDLE_MS = 20_000;

/**
 * The few S3 requests the object store makes, signed with SigV4 and sent with node:http(s): the S3
 * SDK is ~165 KB of a bundle (its operation schemas are not tree-shaken), this is a few. Each body
 * carries its SHA-256 in the signature and its MD5 (Content-MD5), so S3 refuses a body altered on
 * the way, as the SDK's checksums make it; a throttled, failed or dropped request is retried with
 * backoff as the SDK's standard mode does.
 */
export class S3Requests {
  private readonly signer: SignatureV4;

  constructor(
    private readonly location: S3Location,
    credentials: AwsCredentialIdentityProvider,
    private readonly idleMs = SOCKET_IDLE_MS,
  ) {
    this.signer = new SignatureV4({
      service: 's3',
      region: location.region,
      credentials,
      sha256: Sha256,
      uriEscapePath: false,
      applyChecksum: false,
    });
  }

  async send(command: S3Command): Promise<S3Answer> {
    for (let attempt = 1; ; attempt++) {
      try {
        const answer = await this.once(command);
        if (answer.status < 300) return answer;
        const error = await refusalOf(command.operation, answer);
        if (attempt >= MAX_ATTEMPTS || !(RETRIED_STATUSES.has(answer.status) || error.name === 'SlowDown')) throw error;
      } catch (error) {
        if (error instanceof S3RequestError || attempt >= MAX_ATTEMPTS) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 100 * 2 ** attempt));
    }
  }

  private async once({ operation, input, query = {}, headers = {}, body }: S3Command): Promise<S3Answer> {
    const payload = body === undefined ? undefined : Buffer.from(body);
    const request = new HttpRequest({
      method: METHODS[operation],
      ...objectAddress(this.location, input.Bucket, input.Key),
      query,
      headers: {
        ...headers,
        'x-amz-content-sha256': createHash('sha256')
          .update(payload ?? '')
          .digest('hex'),
        ...(payload ? { 'content-md5': createHash('md5').update(payload).digest('base64') } : {}),
        ...(payload ? { 'content-length': String(payload.length) } : {}),
      },
    });
    request.headers.host = `${request.hostname}${request.port ? `:${request.port}` : ''}`;
    const signed = await this.signer.sign(request);
    const search = new URLSearchParams(signed.query as Record<string, string>).toString();
    const send = signed.protocol === 'http:' ? httpRequest : httpsRequest;
    return new Promise((resolve, reject) => {
      const outgoing = send(
        {
          method: signed.method,
          hostname: signed.hostname,
          port: signed.port,
          path: search ? `${signed.path}?${search}` : signed.path,
          headers: signed.headers,
        },
        (response) => resolve({ status: response.statusCode ?? 500, headers: response.headers, body: response }),
      );
      outgoing.on('error', reject);
      // A connection that goes quiet (no byte either way) is dropped and the request retried, as the
      // SDK's socket timeout does, instead of holding the invocation until its own timeout.
      outgoing.setTimeout(this.idleMs, () =>
        outgoing.destroy(new Error(`${operation} to S3: no data for ${this.idleMs} ms`)),
      );
      outgoing.end(payload);
    });
  }
}

/** The whole body as text. */
export async function textOf(body: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** An XML element's text (S3's answers are flat enough for this). */
export const elementOf = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

async function refusalOf(operation: S3Operation, answer: S3Answer): Promise<S3RequestError> {
  const xml = await textOf(answer.body);
  // A HEAD answer has no body: the SDK names its error after the status (404 as NotFound).
  const name = elementOf(xml, 'Code') ?? (answer.status === 404 ? 'NotFound' : String(answer.status));
  return new S3RequestError(name, elementOf(xml, 'Message') ?? `${operation} answered ${answer.status}`, answer.status);
}
