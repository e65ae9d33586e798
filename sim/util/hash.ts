/**
 * Deterministic non-cryptographic hashing for state hashes and stream seeding.
 * Two independent 32-bit lanes (FNV-1a style with murmur finalisers) give a 64-bit digest,
 * printed as 16 hex characters. Integer arithmetic only: identical in every JS engine.
 */
export class Hasher {
  private h1 = 0x811c9dc5;
  private h2 = 0x9747b28c;

  /** Mix raw bytes. */
  bytes(data: Uint8Array): this {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < data.length; i++) {
      const b = data[i]!;
      h1 = Math.imul(h1 ^ b, 0x01000193);
      h2 = Math.imul(h2 ^ b, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    this.h1 = h1 >>> 0;
    this.h2 = h2 >>> 0;
    return this;
  }

  /** Mix the bytes behind a typed array (platform byte order is little-endian everywhere we run). */
  typed(view: ArrayBufferView): this {
    return this.bytes(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  }

  /** Mix a string's UTF-16 code units. */
  string(text: string): this {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    this.h1 = h1 >>> 0;
    this.h2 = h2 >>> 0;
    return this;
  }

  /** The 64-bit digest as 16 lowercase hex characters. */
  hex(): string {
    const f1 = fmix32(this.h1 ^ this.h2);
    const f2 = fmix32(this.h2 + Math.imul(this.h1, 0x27d4eb2d));
    return f1.toString(16).padStart(8, '0') + f2.toString(16).padStart(8, '0');
  }
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 32-bit hash of a string, for seeding named random streams. */
export function hashString32(text: string): number {
  return Number.parseInt(new Hasher().string(text).hex().slice(0, 8), 16) >>> 0;
}
