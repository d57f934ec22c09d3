import { z } from 'zod';

export const ROLES = ['contributor', 'author', 'editor', 'admin'] as const;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email('enter an email address such as name@example.org'));

export const passwordSchema = z
  .string()
  .min(12, 'a password needs at least 12 characters')
  .max(200, 'a password may have at most 200 characters');

export const newUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, 'a name is required').max(200),
  role: z.enum(ROLES, { error: `role must be one of ${ROLES.join(', ')}` }),
  password: passwordSchema.optional(),
  authorId: z.number().int().positive().nullish(),
});

export type NewUserInput = z.input<typeof newUserSchema>;
