/**
 * Assembles src/vectors/dot-kernel.wat into dot-kernel.wasm, the binary the service loads (committed, so no
 * assembler runs at start). Run after editing the .wat: `npm run assemble:kernel`; a test checks the two agree.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';

export const KERNEL_WAT = fileURLToPath(new URL('../src/vectors/dot-kernel.wat', import.meta.url));
export const KERNEL_WASM = fileURLToPath(new URL('../src/vectors/dot-kernel.wasm', import.meta.url));

/** The .wat assembled (SIMD on), validated. */
export async function assembleKernel(): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const source = wabt.parseWat('dot-kernel.wat', fs.readFileSync(KERNEL_WAT, 'utf8'), { simd: true });
  try {
    source.validate();
    return source.toBinary({}).buffer;
  } finally {
    source.destroy();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const bytes = await assembleKernel();
  fs.writeFileSync(KERNEL_WASM, bytes);
  console.error(`wrote ${KERNEL_WASM} (${bytes.length} bytes)`);
}
