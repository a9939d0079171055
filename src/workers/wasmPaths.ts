// Importing this module registers tfjs-backend-wasm and points it at the .wasm binaries that Vite copies into our
// own build (no CDN). The paths are set as the module loads, before any code can touch tfjs's engine: the first
// read of `tf.memory()` or `tf.getBackend()` starts the highest-priority backend, and tfjs-wasm without its paths
// would fetch a binary next to the worker's script (the page's HTML, not wasm) and stay broken for the worker's life.
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
});
