// Types t() keys from the English resources, so a missing or misspelt key fails the typecheck. Renderer.
import 'i18next';
import type { Messages } from './en.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
