// Configures zod before any schema is built: the CSP forbids eval, so zod must not probe `new Function`. Renderer.
// Imported first by main.tsx: zod reads the setting when each object schema is defined, at module load.
import { z } from 'zod';

z.config({ jitless: true });
