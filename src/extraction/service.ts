/**
 * Keeps the extraction index (trie + skill vectors) in step with the taxonomy: built from
 * every ACTIVE skill at start-up, then updated per skill from the taxonomy's change feed.
 */
import { nodePages } from '../store/scan.ts';
import type { GraphStore } from '../store/types.ts';
import type { Skill } from '../taxonomy/model.ts';
import type { TaxonomyService } from '../taxonomy/service.ts';
import type { TextEncoder } from '../text/types.ts';
import { extractSkills } from './extract.ts';
import type { ExtractOptions, Extraction } from './extract.ts';
import { LabelIndex } from './rank.ts';
import type { LinkSource } from '../taxonomy/expand.ts';

export class ExtractionService {
  readonly index: LabelIndex;
  private links: LinkSource | null = null;

  /**
   * `encoder` embeds the skills (and sentences by default); `fast` embeds sentences on the latency
   * paths (`extract(…, { fast: true })`); `labels`, when given, embeds the skills' names instead of
   * `encoder` (the same model behind a disk cache, so a restart does not re-encode every name).
   * isCommonWord marks ambiguous short names (see trie.ts); commonWordTest(glove) is the usual one.
   */
  constructor(
    private readonly store: GraphStore,
    encoder: TextEncoder,
    isCommonWord: (word: string) => boolean,
    private readonly fast: TextEncoder = encoder,
    labels: TextEncoder = encoder,
  ) {
    this.index = new LabelIndex(encoder, isCommonWord, labels);
  }

  /** Indexes every active skill, and follows the taxonomy from now on. */
  async init(taxonomy: TaxonomyService): Promise<void> {
    for await (const page of nodePages(this.store, 'Skill')) {
      const active = page.filter((n) => n.props.status !== 'DEPRECATED');
      await this.index.upsertMany(
        active.map((n) => ({
          id: n.id,
          label: String(n.props.label),
          aliases: (n.props.aliases as string[] | undefined) ?? [],
        })),
      );
    }
    taxonomy.onSkillChange((id, skill) => this.apply(id, skill && skill.status === 'ACTIVE' ? skill : null));
    this.links = taxonomy.links;
  }

  private async apply(id: string, skill: Pick<Skill, 'label' | 'aliases'> | null): Promise<void> {
    if (skill) await this.index.upsert({ id, label: skill.label, aliases: skill.aliases });
    else this.index.remove(id);
  }

  /** Skills in a text; `fast` runs its sentences through the student encoder (one request waiting on it). */
  extract(text: string, opts: Omit<ExtractOptions, 'sentenceEncoder'> & { fast?: boolean }): Promise<Extraction> {
    const { fast, ...rest } = opts;
    // Expansion walks the taxonomy's links in memory once init() has them (the store before).
    return extractSkills(this.index, this.links ?? this.store, text, {
      ...rest,
      sentenceEncoder: fast ? this.fast : undefined,
    });
  }
}
