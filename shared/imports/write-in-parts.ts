/** S3's smallest part but the last; results files are uploaded in parts of this size at least. */
export const MIN_PART_BYTES = 5 * 1024 * 1024;

/** One multipart upload under way: numbered parts in order, then complete (or abort). */
export interface MultipartUpload {
  part(body: Buffer): Promise<void>;
  complete(): Promise<void>;
  abort(): Promise<void>;
}

/** Where an object written in parts goes: a single put when it fits in one part, else a multipart upload. */
export interface PartTarget {
  put(body: Buffer): Promise<void>;
  start(): Promise<MultipartUpload>;
}

/**
 * Writes text produced piece by piece to one object, holding at most one part (`partBytes`, plus
 * the piece that fills it) in memory: each full part is uploaded before the next piece is asked
 * for, so a producer that reads lazily (a page of results at a time) stays bounded whatever the
 * object's size. An object smaller than a part is one put; a failure aborts the upload, so no
 * parts are left behind (the bucket's lifecycle also drops incomplete uploads).
 */
export async function writeInParts(
  target: PartTarget,
  pieces: AsyncIterable<string>,
  partBytes: number,
): Promise<void> {
  let buffered: Buffer[] = [];
  let size = 0;
  let upload: MultipartUpload | undefined;
  try {
    for await (const piece of pieces) {
      const bytes = Buffer.from(piece);
      buffered.push(bytes);
      size += bytes.length;
      if (size < partBytes) continue;
      upload ??= await target.start();
      await upload.part(Buffer.concat(buffered));
      buffered = [];
      size = 0;
    }
    if (!upload) return await target.put(Buffer.concat(buffered));
    if (size > 0) await upload.part(Buffer.concat(buffered));
    await upload.complete();
  } catch (error) {
    await upload?.abort().catch(() => {});
    throw error;
  }
}
