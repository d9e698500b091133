/**
 * How long a WAV file plays, from its header: the data chunk's size over the format's byte
 * rate. Null when the bytes are not a WAV Asterisk would write.
 */
export function wavDurationMs(data: Buffer): number | null {
  if (data.length < 12 || data.toString('ascii', 0, 4) !== 'RIFF' || data.toString('ascii', 8, 12) !== 'WAVE') return null;
  let byteRate: number | null = null;
  for (let at = 12; at + 8 <= data.length; ) {
    const id = data.toString('ascii', at, at + 4);
    const size = data.readUInt32LE(at + 4);
    if (id === 'fmt ' && at + 16 <= data.length) byteRate = data.readUInt32LE(at + 16);
    if (id === 'data') {
      if (!byteRate) return null;
      // A recording cut short may carry a size its file no longer has: trust what is there.
      const bytes = Math.min(size, data.length - at - 8);
      return Math.round((bytes * 1000) / byteRate);
    }
    at += 8 + size + (size % 2);
  }
  return null;
}
