import { defineCollection, reference } from 'astro:content';
import { snapshotSchema } from './lib/evidence.ts';
import { ledgerSchema } from './lib/ledger.ts';
import { contentGlob } from './loaders/content-glob.ts';
import { createEntryIndex } from './loaders/entry-ids.ts';
import { evidenceFolderLoader } from './loaders/evidence-folder.ts';
import { ledgerFileLoader } from './loaders/ledger-file.ts';
import { speakingFileLoader } from './loaders/speaking-file.ts';
import { talkGlob } from './loaders/talk-glob.ts';
import { yamlFileLoader } from './loaders/yaml-file.ts';
import { CITABLE_COLLECTIONS } from './schemas/cites.ts';
import { essaySchema } from './schemas/essay.ts';
import { NOTE_MAX_CHARACTERS, noteSchema } from './schemas/note.ts';
import { pressSchema } from './schemas/press.ts';
import { profileSchema } from './schemas/profile.ts';
import { speakingSchema } from './schemas/speaking.ts';
import { stanceSchema } from './schemas/stance.ts';
import { talkSchema } from './schemas/talk.ts';
import { theorySchema } from './schemas/theory.ts';
import { topicSchema } from './schemas/topic.ts';

// The citable collections share their ids, so that `cites:` to a missing file fails naming the citing file.
const entryIndex = createEntryIndex(CITABLE_COLLECTIONS);

export const collections = {
  profile: defineCollection({
    loader: yamlFileLoader({ path: 'content/profile.yaml', id: 'profile' }),
    schema: profileSchema,
  }),
  essays: defineCollection({
    loader: contentGlob({ folder: 'essays', entryIndex }),
    schema: (context) => essaySchema({ ...context, reference }),
  }),
  notes: defineCollection({
    loader: contentGlob({ folder: 'notes', pattern: '**/*.md', maxBodyCharacters: NOTE_MAX_CHARACTERS, entryIndex }),
    schema: (context) => noteSchema({ ...context, reference }),
  }),
  theories: defineCollection({
    loader: contentGlob({ folder: 'theories', entryIndex }),
    schema: (context) => theorySchema({ ...context, reference }),
  }),
  stances: defineCollection({
    loader: contentGlob({ folder: 'stances', pattern: '**/*.md', entryIndex }),
    schema: (context) => stanceSchema({ ...context, reference }),
  }),
  ledger: defineCollection({ loader: ledgerFileLoader(), schema: ledgerSchema }),
  engagement: defineCollection({ loader: evidenceFolderLoader(), schema: snapshotSchema }),
  speaking: defineCollection({ loader: speakingFileLoader(), schema: speakingSchema }),
  talks: defineCollection({ loader: talkGlob(), schema: talkSchema }),
  topics: defineCollection({ loader: contentGlob({ folder: 'topics', pattern: '**/*.md' }), schema: topicSchema }),
  press: defineCollection({ loader: contentGlob({ folder: 'press', pattern: '**/*.md' }), schema: pressSchema }),
};
