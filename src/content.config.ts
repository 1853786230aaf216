import { defineCollection } from 'astro:content';
import { contentGlob } from './loaders/content-glob.ts';
import { speakingFileLoader } from './loaders/speaking-file.ts';
import { talkGlob } from './loaders/talk-glob.ts';
import { yamlFileLoader } from './loaders/yaml-file.ts';
import { essaySchema } from './schemas/essay.ts';
import { NOTE_MAX_CHARACTERS, noteSchema } from './schemas/note.ts';
import { pressSchema } from './schemas/press.ts';
import { profileSchema } from './schemas/profile.ts';
import { speakingSchema } from './schemas/speaking.ts';
import { talkSchema } from './schemas/talk.ts';
import { theorySchema } from './schemas/theory.ts';
import { topicSchema } from './schemas/topic.ts';

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
  speaking: defineCollection({ loader: speakingFileLoader(), schema: speakingSchema }),
  talks: defineCollection({ loader: talkGlob(), schema: talkSchema }),
  topics: defineCollection({ loader: contentGlob({ folder: 'topics', pattern: '**/*.md' }), schema: topicSchema }),
  press: defineCollection({ loader: contentGlob({ folder: 'press', pattern: '**/*.md' }), schema: pressSchema }),
};
