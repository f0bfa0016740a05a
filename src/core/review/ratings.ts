import * as v from 'valibot';

/** 1 Again, 2 Hard, 3 Good, 4 Easy — the same numbers as ts-fsrs's `Rating` and the keys the user presses. */
export type ReviewRating = 1 | 2 | 3 | 4;
export const RATINGS: readonly ReviewRating[] = [1, 2, 3, 4];
export const Rating = v.picklist([1, 2, 3, 4] as const satisfies readonly ReviewRating[]);

/** ts-fsrs's card states: 0 new, 1 learning, 2 review, 3 relearning. */
export type MemoryPhase = 0 | 1 | 2 | 3;
export const PHASE_NAMES = ['new', 'learning', 'review', 'relearning'] as const;
