import { defineCollection } from 'astro:content';
import { contentGlob } from './loaders/content-glob.ts';
import { yamlFileLoader } from './loaders/yaml-file.ts';
import { essaySchema } from './schemas/essay.ts';
import { NOTE_MAX_CHARACTERS, noteSchema } from './schemas/note.ts';
import { profileSchema } from './schemas/profile.ts';
import { theorySchema } from './schemas/theory.ts';

export const collections = {
  profile: defineCollection({
    loader: yamlFileLoader({ path: 'content/profile.yaml', id: 'profile' }),
    schema: profileSchema,
  }),
  essays: defineCollection({ loader: contentGlob({ folder: 'essays' }), schema: essaySchema }),
  notes: defineCollection({
    loader: contentGlob({ folder: 'notes', pattern: '**/*.md', maxBodyCharacters: NOTE_MAX_CHARACTERS }),
    schema: noteSchema,
  }),
  theories: defineCollection({ loader: contentGlob({ folder: 'theories' }), schema: theorySchema }),
};
