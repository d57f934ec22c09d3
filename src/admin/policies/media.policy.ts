import { atLeast, ensure, type Actor } from './policy.js';

/**
 * The media library: contributors may browse and pick images already
 * uploaded (as WordPress contributors cannot upload files); authors and up
 * upload and describe; editors and up delete anyone's.
 */
export const MEDIA_ACTIONS = ['browse', 'upload', 'describe', 'delete'] as const;
export type MediaAction = (typeof MEDIA_ACTIONS)[number];

export interface MediaSubject {
  uploaded_by: number | null;
}

export function can(actor: Actor, action: MediaAction, media?: MediaSubject): boolean {
  switch (action) {
    case 'browse':
      return true;
    case 'upload':
      return atLeast(actor, 'author');
    case 'describe':
    case 'delete':
      return atLeast(actor, 'editor') || (actor.role === 'author' && media?.uploaded_by === actor.id);
  }
}

const WORDS: Record<MediaAction, string> = { browse: 'see the media library', upload: 'upload images', describe: 'change this image', delete: 'delete this image' };

export function authorize(actor: Actor, action: MediaAction, media?: MediaSubject): void {
  ensure(can(actor, action, media), WORDS[action]);
}
