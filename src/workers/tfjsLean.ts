// What `@tensorflow/tfjs` means in the browser build (vite.config.ts aliases it here): tfjs-core with its gradients and
// chained ops and the cpu backend; nothing of tfjs-layers, -converter or -data, which we never call. The GPU backends
// load on demand (backendSelect.ts). Node (CLI, Vitest) keeps the umbrella package, whose CommonJS build registers
// the same gradients, chained ops and kernels.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import '@tensorflow/tfjs-backend-cpu';

export * from '@tensorflow/tfjs-core';
