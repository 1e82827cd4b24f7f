// Today's plan for the Topics tree: the reviews due, one new topic to start and one practice problem, chosen where
// mastery is weakest. vscode-free.
import type { MockDifficulty } from './mockPlan';

export interface PlanTopic {
  key: string;
  /** new: has cards, none studied; undefined: no quiz cards. */
  state?: 'new' | 'learning' | 'mastered';
  mastery: number;
}

export interface PlanProblem {
  problemId: string;
  difficulty: MockDifficulty;
  solved: boolean;
  due: boolean;
  /** The weakest mastery among its topics. */
  mastery: number;
}

export interface DailyPlan {
  /** Quiz cards due today. */
  due: number;
  /** The first topic, in curriculum order, with cards none of which has been studied. */
  newTopicKey?: string;
  problemId?: string;
}

const DIFFICULTY_RANK: Record<MockDifficulty, number> = { easy: 0, medium: 1, hard: 2 };

/**
 * The plan: due reviews; the next unstudied topic; and a problem: an unsolved one over the weakest topics (one due
 * for review first), the easier first on a tie; when every problem is solved, the weakest one due for review.
 */
export function chooseDailyPlan(input: { due: number; topics: readonly PlanTopic[]; problems: readonly PlanProblem[] }): DailyPlan {
  const newTopic = input.topics.find((topic) => topic.state === 'new');
  const order = (a: PlanProblem, b: PlanProblem) =>
    Number(b.due) - Number(a.due) || a.mastery - b.mastery || DIFFICULTY_RANK[a.difficulty] - DIFFICULTY_RANK[b.difficulty] || a.problemId.localeCompare(b.problemId);
  const unsolved = input.problems.filter((problem) => !problem.solved).sort(order);
  const problem = unsolved[0] ?? input.problems.filter((candidate) => candidate.due).sort(order)[0];
  return {
    due: Math.max(0, input.due),
    ...(newTopic ? { newTopicKey: newTopic.key } : {}),
    ...(problem ? { problemId: problem.problemId } : {}),
  };
}
