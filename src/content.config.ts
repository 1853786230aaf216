import { defineCollection, reference } from 'astro:content';
import { snapshotSchema } from './contract/snapshots.ts';
import { ledgerSchema } from './contract/ledger.ts';
import { answersSchema } from './contract/answers.ts';
import { answersFileLoader } from './loaders/answers-file.ts';
import { contentGlob } from './loaders/content-glob.ts';
import { createEntryIndex } from './loaders/entry-ids.ts';
import { evidenceFolderLoader } from './loaders/evidence-folder.ts';
import { ledgerFileLoader } from './loaders/ledger-file.ts';
import { reportIssues } from './loaders/schema-issues.ts';
import { siteFileLoader } from './loaders/site-file.ts';
import { speakingFileLoader } from './loaders/speaking-file.ts';
import { createTagIndex } from './loaders/tag-index.ts';
import { talkGlob } from './loaders/talk-glob.ts';
import { yamlFileLoader } from './loaders/yaml-file.ts';
import { CITABLE_COLLECTIONS } from './schemas/cites.ts';
import { essaySchema } from './schemas/essay.ts';
import { invitationSchema } from './schemas/invitation.ts';
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
// The topics' and invitations' ids, for the talks' `topic:` and `invitation:`.
const talkLinks = createEntryIndex(['topics', 'invitations']);
// Every piece's tags, so that two spellings of one tag page (`AI/ML`, `ai-ml`) fail naming both files.
const tagIndex = createTagIndex();

// Every schema is wrapped in `reportIssues`, so that a mistake is reported naming the file and the field
// in one line (src/loaders/schema-issues.ts), not as Astro's InvalidContentEntryDataError.

export const collections = {
  site: defineCollection({ loader: siteFileLoader() }),
  profile: defineCollection({
    loader: yamlFileLoader({ path: 'content/profile.yaml', id: 'profile' }),
    schema: (context) => reportIssues(profileSchema(context)),
  }),
  essays: defineCollection({
    loader: contentGlob({ folder: 'essays', entryIndex, tagIndex }),
    schema: (context) => reportIssues(essaySchema({ ...context, reference })),
  }),
  notes: defineCollection({
    loader: contentGlob({ folder: 'notes', pattern: '**/*.md', maxBodyCharacters: NOTE_MAX_CHARACTERS, entryIndex, tagIndex }),
    schema: (context) => reportIssues(noteSchema({ ...context, reference })),
  }),
  theories: defineCollection({
    loader: contentGlob({ folder: 'theories', entryIndex, tagIndex }),
    schema: (context) => reportIssues(theorySchema({ ...context, reference })),
  }),
  stances: defineCollection({
    loader: contentGlob({ folder: 'stances', pattern: '**/*.md', entryIndex }),
    schema: (context) => reportIssues(stanceSchema({ ...context, reference })),
  }),
  ledger: defineCollection({ loader: ledgerFileLoader(), schema: reportIssues(ledgerSchema) }),
  answers: defineCollection({ loader: answersFileLoader(), schema: reportIssues(answersSchema) }),
  engagement: defineCollection({ loader: evidenceFolderLoader(), schema: reportIssues(snapshotSchema) }),
  speaking: defineCollection({ loader: speakingFileLoader(), schema: (context) => reportIssues(speakingSchema(context)) }),
  talks: defineCollection({ loader: talkGlob({ links: talkLinks }), schema: reportIssues(talkSchema) }),
  topics: defineCollection({
    loader: contentGlob({ folder: 'topics', pattern: '**/*.md', entryIndex: talkLinks }),
    schema: reportIssues(topicSchema),
  }),
  // Invitations to speak: private evidence, counted on /impact/ and never given a page of their own.
  invitations: defineCollection({
    loader: contentGlob({ folder: 'invitations', pattern: '**/*.md', entryIndex: talkLinks }),
    schema: reportIssues(invitationSchema),
  }),
  press: defineCollection({
    loader: contentGlob({ folder: 'press', pattern: '**/*.md' }),
    schema: (context) => reportIssues(pressSchema(context)),
  }),
};
