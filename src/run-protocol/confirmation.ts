// Which actions a run asks the user about: a run option (CLI --confirm-policy, the app's Safety setting). Pure.
import { z } from 'zod';

export const ConfirmationPolicy = z.enum(['never', 'risky', 'always']);
export type ConfirmationPolicy = z.infer<typeof ConfirmationPolicy>;
