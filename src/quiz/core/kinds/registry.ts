// The one list of card kinds. Everything kind-specific (schema, session behaviour, rendering, Anki export, labels)
// is in the kind's module; the schema (cardSchema.ts), the session (quizSession.ts), the quiz document
// (quizDocument.ts) and the Anki export (ankiExport.ts) dispatch through this list.
import type { CardKind, KindSchema, KindStep } from './cardKind';
import { clozeKind } from './cloze';
import { codeKind } from './code';
import { multipleChoiceKind } from './multipleChoice';
import { recallKind } from './recall';

/** In the order the fix of an unknown `kind:` lists them. */
export const CARD_KIND_MODULES = [multipleChoiceKind, recallKind, clozeKind, codeKind] as const;

type KindModule = (typeof CARD_KIND_MODULES)[number];
type CardOf<K> = K extends { schema(fields: never): KindSchema<infer C> } ? C : never;
type StepOf<K> = K extends { render(card: never, step: KindStep<infer S>, context: never): string } ? S : never;
type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;

/** A parsed card of any kind. */
export type QuizCard = CardOf<KindModule>;
export type CardKindId = QuizCard['kind'];
/** The session's state for the card on screen, with every kind's own fields (each optional). */
export type QuizStep = KindStep<UnionToIntersection<StepOf<KindModule>>>;

export const CARD_KINDS: readonly CardKindId[] = CARD_KIND_MODULES.map((kind) => kind.id);

/** A kind as the dispatching modules use it: any card, any step (the registry pairs them by `card.kind`). */
export type AnyCardKind = CardKind<CardKindId, QuizCard, UnionToIntersection<StepOf<KindModule>>>;

const BY_ID = new Map<string, AnyCardKind>(CARD_KIND_MODULES.map((kind) => [kind.id, kind as AnyCardKind]));

/** The module of a card's kind. */
export function cardKindOf(card: { kind: CardKindId }): AnyCardKind {
  const kind = BY_ID.get(card.kind);
  if (!kind) throw new Error(`unknown card kind "${card.kind}"`);
  return kind;
}
