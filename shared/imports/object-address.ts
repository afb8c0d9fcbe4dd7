/** Where the bucket answers: AWS's regional endpoint, or an override (the local emulator). */
export interface S3Location {
  region: string;
  /** An endpoint override (AWS_ENDPOINT_URL_S3); objects are then addressed path-style, as the emulator needs. */
  endpoint?: string;
}

/**
 * The address of one object as the S3 SDK builds it: virtual-hosted in AWS (CDK names buckets
 * DNS-compatibly, as that needs), path-style on an endpoint override, the key escaped per segment.
 */
export function objectAddress({ region, endpoint }: S3Location, bucket: string, key: string) {
  const path = `/${key.split('/').map(escapeSegment).join('/')}`;
  if (!endpoint) {
    return { protocol: 'https:', hostname: `${bucket}.s3.${region}.${dnsSuffixOf(region)}`, port: undefined, path };
  }
  const base = new URL(endpoint);
  return {
    protocol: base.protocol,
    hostname: base.hostname,
    port: base.port ? Number(base.port) : undefined,
    path: `${base.pathname.replace(/\/$/, '')}/${bucket}${path}`,
  };
}

/** S3's escaping of one segment of a key (encodeURIComponent, and `!'()*` too). */
const escapeSegment = (segment: string) =>
  encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const dnsSuffixOf = (region: string) => (region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com');
