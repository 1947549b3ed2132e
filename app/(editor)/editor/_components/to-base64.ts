/** A file's bytes as base64, as the forms send an uploaded PDF inside a server action (in 32 KB slices: no argument-count limit). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
